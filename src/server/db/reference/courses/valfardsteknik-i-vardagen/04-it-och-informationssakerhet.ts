import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const itOchInformationssakerhet: z.input<typeof ModuleContent> = {
  key: 'it-och-informationssakerhet',
  title: {
    sv: 'IT-hantering och informationssäkerhet',
    'sv-x-plain': 'Använd mobilen och datorn på ett säkert sätt',
    en: 'IT handling and information security',
  },
  summary: {
    sv: 'Starka lösenord, din egen inloggning och en låst mobil, hur du känner igen bedrägeriförsök, laddning och uppkoppling – och vad du gör när en enhet försvinner, ett larm inte fungerar eller något annat går fel.',
    'sv-x-plain':
      'Du lär dig att göra bra lösenord. Du lär dig att skydda mobilen. Du lär dig att se när någon försöker lura dig. Du lär dig vad du gör när något går fel.',
    en: 'Strong passwords, your own login and a locked phone, recognising scams, charging and connectivity – and what to do when a device goes missing, an alarm does not work or something else goes wrong.',
  },
  lessons: [
    {
      key: 'inloggning-och-mobil',
      title: {
        sv: 'Lösenord, inloggning och din mobil',
        'sv-x-plain': 'Lösenord och mobil',
        en: 'Passwords, logins and your phone',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Varför det spelar roll

Arbetsmobilen ger tillgång till dokumentation, digitala nycklar, larm och kameror. Den som kommer åt din inloggning kan i värsta fall läsa känsliga uppgifter, öppna en persons dörr eller stänga av ett larm. Informationssäkerhet handlar alltså om personernas trygghet – inte bara om datorer.

## Lösenord som håller

- **Långt slår krångligt.** En lösenfras av fyra eller fem ord som inte hör ihop, till exempel *kanel-traktor-sommarsjö-fiol*, är både starkare och lättare att komma ihåg än *Sommar2024!*.
- **Ett lösenord per tjänst.** Använd aldrig samma lösenord i jobbet som privat.
- **Inga lappar.** Skriv inte lösenordet på en lapp i fodralet. Använd en lösenordshanterare om arbetsgivaren erbjuder en.
- **Tvåstegsverifiering** – en kod eller en app utöver lösenordet – gör det mycket svårare för obehöriga. Godkänn aldrig en inloggning som du inte själv har startat.

## Din inloggning och din mobil är dina

- Låna aldrig ut din inloggning, inte ens till en vikarie som väntar på sin egen. Säg till chefen i stället.
- Lås mobilen med kod, fingeravtryck eller ansikte. Ställ in att den låser sig själv efter kort tid.
- Lämna aldrig mobilen olåst hos en brukare eller i bilen.
- Installera bara appar som arbetsgivaren har godkänt, och låt mobilen uppdatera sig – uppdateringar täpper till säkerhetshål.
- Använd arbetsmobilen för jobbet och din privata mobil för privat bruk. Blanda inte.`,
        'sv-x-plain': `## Varför är det viktigt?

I arbetsmobilen finns mycket.
Där finns uppgifter om personerna.
Där finns digitala nycklar till deras hem.
Där finns larm och kameror.
Om fel person kommer in i mobilen kan personerna bli otrygga.

## Bra lösenord

- **Långt är bättre än krångligt.** Välj fyra eller fem ord som inte hör ihop. Till exempel *kanel-traktor-sommarsjö-fiol*. Det är lätt att komma ihåg. Det är svårt att gissa.
- **Ett lösenord för varje tjänst.** Använd inte samma lösenord på jobbet som hemma.
- **Skriv inte lösenordet på en lapp.**
- **Tvåstegsverifiering** betyder att du använder en kod eller en app också. Säg bara ja när du själv loggar in.

## Din inloggning är bara din

- Låna aldrig ut din inloggning. Inte ens till en vikarie. Säg till chefen i stället.
- Lås mobilen med kod eller fingeravtryck.
- Lämna inte mobilen olåst.
- Ladda bara ner appar som jobbet säger att du får ha.
- Låt mobilen uppdatera sig. Då blir den säkrare.
- Använd jobbmobilen för jobbet. Använd din egen mobil för annat.`,
        en: `## Why it matters

The work phone gives access to documentation, digital keys, alarms and cameras. Someone who gets hold of your login could, at worst, read sensitive information, open a person's front door or switch off an alarm. Information security is about people's safety – not just about computers.

## Passwords that hold

- **Long beats complicated.** A passphrase of four or five unrelated words, such as *cinnamon-tractor-summerlake-fiddle*, is both stronger and easier to remember than *Summer2024!*.
- **One password per service.** Never use the same password at work as in private.
- **No notes.** Do not write the password on a note in the phone case. Use a password manager if your employer provides one.
- **Two-step verification** – a code or an app in addition to the password – makes it much harder for outsiders. Never approve a login you did not start yourself.

## Your login and your phone are yours

- Never lend your login, not even to a substitute waiting for their own. Tell your manager instead.
- Lock the phone with a code, fingerprint or face. Set it to lock itself after a short time.
- Never leave the phone unlocked at a client's home or in the car.
- Only install apps your employer has approved, and let the phone update – updates close security holes.
- Use the work phone for work and your private phone for private things. Do not mix them.`,
      },
    },
    {
      key: 'bedragerier',
      title: {
        sv: 'Känn igen bedrägeriförsök',
        'sv-x-plain': 'När någon försöker lura dig',
        en: 'Recognising scams',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Nätfiske

Nätfiske (phishing) är när någon försöker lura dig att lämna ut lösenord eller koder, eller att klicka på en länk som installerar skadlig kod. Det kan komma som e-post, sms, chattmeddelande eller telefonsamtal. Bedragare utger sig ofta för att vara IT-supporten, chefen, banken eller ett känt företag.

## Varningstecken

- **Bråttom:** "Ditt konto stängs om en timme."
- **En länk till en inloggningssida** som du inte själv har sökt upp.
- **En avsändare som nästan stämmer**, till exempel en bokstav fel i adressen.
- **Någon ber om en kod** du har fått i mobilen. Ingen seriös support ber om den.
- **Ovanliga önskemål**, som att köpa presentkort åt chefen eller ändra ett kontonummer.
- **Ett samtal från "IT"** som vill att du installerar ett program eller läser upp något från skärmen.

## Så gör du

1. Klicka inte, svara inte och lämna inte ut något.
2. Kontrollera på annat sätt – ring IT-supporten eller chefen på ett nummer du redan har.
3. Rapportera meddelandet enligt er rutin, så att andra kan varnas.

## Om du redan har klickat

Det händer alla. Säg till **direkt** – till IT-supporten och din chef. Ju snabbare, desto mindre skada. Byt lösenord om du har skrivit in det. Ingen ska skämmas för att ha blivit lurad; det viktiga är att säga till.`,
        'sv-x-plain': `## Någon försöker lura dig

Ibland försöker någon lura dig.
De vill få ditt lösenord eller en kod.
Eller så vill de att du klickar på en länk.
Det kan komma som mejl, sms eller telefonsamtal.
Personen säger kanske att hen är från IT eller att hen är din chef.
Det kallas nätfiske.

## Tecken på att någon vill lura dig

- Det är **bråttom**. "Ditt konto stängs om en timme."
- Det finns en **länk** där du ska logga in.
- Avsändaren ser **nästan** rätt ut.
- Någon **ber om en kod** från din mobil. Ge aldrig bort koden.
- Någon ber dig **köpa presentkort**.
- Någon från "IT" ringer och vill att du **laddar ner ett program**.

## Så gör du

1. Klicka inte. Svara inte. Ge inte bort något.
2. Ring IT eller din chef. Använd ett nummer som du redan har.
3. Berätta om meddelandet. Då kan andra få en varning.

## Har du redan klickat?

Det händer alla.
Säg till **direkt**.
Säg till IT och din chef.
Byt lösenord.
Du behöver inte skämmas.`,
        en: `## Phishing

Phishing is when someone tries to trick you into giving away passwords or codes, or into clicking a link that installs malicious software. It can arrive as an e-mail, a text message, a chat message or a phone call. Scammers often pretend to be IT support, your manager, the bank or a well-known company.

## Warning signs

- **Urgency:** "Your account will be closed in one hour."
- **A link to a login page** that you did not look up yourself.
- **A sender that is almost right**, such as one wrong letter in the address.
- **Someone asks for a code** you received on your phone. No genuine support desk asks for it.
- **Unusual requests**, like buying gift cards for your manager or changing a bank account number.
- **A call from "IT"** asking you to install a program or read something out from your screen.

## What to do

1. Do not click, do not reply and do not give anything away.
2. Check another way – call IT support or your manager on a number you already have.
3. Report the message according to your routine, so that others can be warned.

## If you have already clicked

It happens to everyone. Speak up **at once** – to IT support and your manager. The quicker, the less damage. Change your password if you typed it in. Nobody should be ashamed of being tricked; what matters is telling someone.`,
      },
    },
    {
      key: 'laddning-och-uppkoppling',
      title: {
        sv: 'Laddning och uppkoppling',
        'sv-x-plain': 'Ladda och ha täckning',
        en: 'Charging and connectivity',
      },
      estimatedMinutes: 3,
      body: {
        sv: `## Tekniken behöver ström

Ett larm med tomt batteri skyddar ingen. Många fel på välfärdsteknik handlar om laddning, och de går att förebygga med enkla rutiner:

- **Arbetsmobilen** laddas vid passbyte, så att nästa kollega får en laddad telefon. Ta med en powerbank på långa turer.
- **GPS-larm** behöver ofta laddas varje dag eller varannan dag. Kom överens med personen om när – till exempel vid kvällsbesöket – och skriv in det i genomförandeplanen.
- **Basenheter** för trygghetslarm, kameror och digitala lås behöver ström och ofta uppkoppling. Kontrollera att sladdar sitter i och att inget är urkopplat för att få plats med något annat.
- **Batterier i lås och sensorer** ger oftast en varning innan de tar slut. Ta varningen på allvar och rapportera den.

## Uppkoppling

- Använd mobilnätet eller arbetsgivarens nätverk för arbetsappar. Undvik öppna, publika wifi-nät för arbete om inte arbetsgivaren har sagt att det är säkert, till exempel med VPN.
- Koppla inte arbetsmobilen till en brukares eller anhörigs wifi.
- I glesbygd kan täckningen vara svag. Vet var täckningen brukar vara dålig, och hur ni gör då – till exempel hur ett GPS-larm fungerar i ett område utan täckning.

## Kontroll vid passets början

Gör det till en vana: laddad mobil, inloggning fungerar, appar uppdaterade, och eventuella felmeddelanden från larm och lås är kända och åtgärdade eller rapporterade.`,
        'sv-x-plain': `## Tekniken behöver ström

Ett larm utan batteri hjälper ingen.
Ladda tekniken ofta.

- **Ladda jobbmobilen** när du slutar. Då får nästa kollega en laddad mobil.
- **GPS-larmet** behöver laddas ofta. Kanske varje dag. Bestäm med personen när. Skriv det i planen.
- **Larm, kameror och lås** behöver ström. Kolla att sladdarna sitter i.
- **Lås och sensorer** kan säga till när batteriet är nästan slut. Säg till om du ser en sådan varning.

## Täckning och wifi

- Använd mobilnätet eller jobbets wifi.
- Använd inte öppet wifi för jobbet. Till exempel wifi på ett kafé.
- Koppla inte jobbmobilen till personens wifi.
- På landet kan det vara dålig täckning. Ta reda på var. Ta reda på vad ni gör då.

## Kolla när du börjar jobba

- Är mobilen laddad?
- Kan du logga in?
- Finns det fel på något larm eller lås?`,
        en: `## Technology needs power

An alarm with a flat battery protects nobody. Many welfare-technology faults are about charging, and simple routines prevent them:

- **The work phone** is charged at shift change, so the next colleague gets a charged phone. Bring a power bank on long rounds.
- **GPS alarms** often need charging every day or every other day. Agree with the person when – for example at the evening visit – and write it into the implementation plan.
- **Base units** for social alarms, cameras and digital locks need power and often a connection. Check that cables are plugged in and that nothing has been unplugged to make room for something else.
- **Batteries in locks and sensors** usually give a warning before they run out. Take the warning seriously and report it.

## Connectivity

- Use the mobile network or your employer's network for work apps. Avoid open public Wi-Fi for work unless your employer has said it is safe, for example with a VPN.
- Do not connect the work phone to a client's or relative's Wi-Fi.
- In rural areas coverage may be weak. Know where coverage tends to be poor and what you do then – for example how a GPS alarm behaves in an area without coverage.

## Check at the start of the shift

Make it a habit: phone charged, login working, apps updated, and any error messages from alarms and locks known and dealt with or reported.`,
      },
    },
    {
      key: 'nar-nagot-gar-fel',
      title: {
        sv: 'När något går fel: förlorad enhet, larm som inte fungerar, avvikelser',
        'sv-x-plain': 'När något går fel',
        en: 'When something goes wrong: lost devices, failing alarms, deviations',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Borttappad eller stulen mobil

Säg till **direkt** enligt er rutin – till chefen och IT-supporten. Då kan mobilen spärras eller raderas på distans och digitala nycklar stängas av innan någon hinner använda dem. Vänta inte för att se om den dyker upp. Samma sak gäller ett borttappat e-tjänstekort eller en nyckel.

## Ett larm som inte fungerar

Om ett trygghetslarm, GPS-larm, en kamera eller en annan enhet inte fungerar gäller en ordning:

1. **Personens säkerhet först.** Följ rutinen för vad som ersätter tekniken – till exempel ett besök i stället för kameratillsyn eller tätare tillsyn tills larmet är lagat.
2. **Felanmäl** enligt rutinen – till larmcentralen, leverantören eller den tekniska supporten.
3. **Informera** personen, och chefen eller den som har ansvar för tekniken.
4. **Dokumentera** vad som hände och vad du gjorde.

Anta aldrig att någon annan redan har anmält felet.

## Avvikelser

En avvikelse är något som inte blev som det skulle – eller som nästan gick fel. Att rapportera avvikelser handlar om att **lära och förebygga**, inte om att hitta någon att skylla på. Olika händelser rapporteras på olika sätt, och din arbetsplats har rutiner för det:

- Fel i utrustning och tekniska problem.
- Händelser i hälso- och sjukvårdsuppgifter, till exempel läkemedel.
- Missförhållanden eller påtagliga risker för missförhållanden i omsorgen – här gäller rapporteringsskyldigheten **lex Sarah**.
- **Incidenter med personuppgifter**, till exempel en borttappad mobil, ett mejl till fel mottagare eller uppgifter i fel persons dokumentation. Vissa sådana incidenter måste arbetsgivaren anmäla till Integritetsskyddsmyndigheten (IMY) inom 72 timmar. Därför är det viktigt att du säger till samma dag.

Om du är osäker på hur något ska rapporteras – säg till din chef. Det är alltid bättre att rapportera en gång för mycket.`,
        'sv-x-plain': `## Du har tappat mobilen

Säg till **direkt**.
Säg till din chef och IT.
Då kan de låsa mobilen.
De kan stänga av de digitala nycklarna.
Vänta inte.
Gör samma sak om du tappar ditt kort eller en nyckel.

## Ett larm fungerar inte

Gör så här:

1. **Tänk på personen först.** Gör som rutinen säger. Kanske ska du gå dit i stället.
2. **Säg till om felet.** Gör som rutinen säger. Kanske ska du ringa larmcentralen.
3. **Berätta** för personen och för din chef.
4. **Skriv** vad som hände och vad du gjorde.

Tro inte att någon annan redan har sagt till.

## Avvikelse

En avvikelse är när något blev fel.
Det kan också vara när något nästan blev fel.
Du rapporterar avvikelser för att vi ska lära oss.
Ingen ska få skulden.

Det finns olika saker att rapportera:

- Tekniken är trasig.
- Något blev fel med medicin.
- En person får inte bra hjälp. Då gäller **lex Sarah**.
- Uppgifter om en person har hamnat fel. Till exempel om en mobil försvinner. Eller om du skickar ett mejl till fel person.

Sådant måste ibland rapporteras till en myndighet inom 72 timmar.
Därför ska du säga till samma dag.
Är du osäker? Fråga din chef.`,
        en: `## Lost or stolen phone

Report it **at once** according to your routine – to your manager and IT support. Then the phone can be blocked or wiped remotely and digital keys disabled before anyone can use them. Do not wait to see if it turns up. The same applies to a lost e-service card or key.

## An alarm that does not work

If a social alarm, GPS alarm, camera or other device is not working, follow this order:

1. **The person's safety first.** Follow the routine for what replaces the technology – for example a visit instead of camera supervision, or more frequent checks until the alarm is fixed.
2. **Report the fault** according to the routine – to the alarm centre, the supplier or technical support.
3. **Inform** the person, and the manager or whoever is responsible for the technology.
4. **Document** what happened and what you did.

Never assume someone else has already reported the fault.

## Deviations

A deviation is something that did not go as it should – or that nearly went wrong. Reporting deviations is about **learning and prevention**, not about finding someone to blame. Different events are reported in different ways, and your workplace has routines for them:

- Equipment faults and technical problems.
- Events in health-care tasks, such as medication.
- Wrongdoing or neglect in care, or a tangible risk of it – here the duty to report under **lex Sarah** applies.
- **Personal data incidents**, such as a lost phone, an e-mail to the wrong recipient or information in the wrong person's record. Some such incidents must be reported by the employer to the Swedish Authority for Privacy Protection (IMY) within 72 hours. That is why you need to speak up the same day.

If you are unsure how something should be reported, tell your manager. It is always better to report once too often.`,
      },
      resources: [
        {
          url: 'https://www.imy.se',
          kind: 'link',
          label: {
            sv: 'Integritetsskyddsmyndigheten (IMY)',
            'sv-x-plain': 'Integritetsskyddsmyndigheten (IMY)',
            en: 'Swedish Authority for Privacy Protection (IMY)',
          },
        },
      ],
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'starkast-losenord',
        kind: 'single',
        prompt: {
          sv: 'Vilket lösenord är starkast?',
          'sv-x-plain': 'Vilket lösenord är bäst?',
          en: 'Which password is strongest?',
        },
        options: [
          {
            key: 'sommar',
            correct: false,
            text: { sv: 'Sommar2024!', 'sv-x-plain': 'Sommar2024!', en: 'Summer2024!' },
            feedback: {
              sv: 'Nej. Ord + årtal + utropstecken är ett mönster som bedragare provar först.',
              'sv-x-plain': 'Nej. Det är lätt att gissa.',
              en: 'No. Word + year + exclamation mark is a pattern attackers try first.',
            },
          },
          {
            key: 'losenfras',
            correct: true,
            text: {
              sv: 'kanel-traktor-sommarsjö-fiol',
              'sv-x-plain': 'kanel-traktor-sommarsjö-fiol',
              en: 'cinnamon-tractor-summerlake-fiddle',
            },
            feedback: {
              sv: 'Rätt. En lång fras av ord som inte hör ihop är svår att gissa och lätt att minnas.',
              'sv-x-plain': 'Rätt. Långt och med ord som inte hör ihop.',
              en: 'Correct. A long phrase of unrelated words is hard to guess and easy to remember.',
            },
          },
          {
            key: 'p-ssw0rd',
            correct: false,
            text: { sv: 'P@ssw0rd', 'sv-x-plain': 'P@ssw0rd', en: 'P@ssw0rd' },
            feedback: {
              sv: 'Nej. Att byta bokstäver mot tecken hjälper lite, och det är kort. Det finns i alla listor över vanliga lösenord.',
              'sv-x-plain': 'Nej. Det är kort och vanligt.',
              en: 'No. Swapping letters for symbols helps little, and it is short. It is on every list of common passwords.',
            },
          },
        ],
      },
      {
        key: 'lana-ut-mobil',
        kind: 'true_false',
        prompt: {
          sv: 'En vikarie som ännu inte har fått egen inloggning får låna din inloggning under ett pass.',
          'sv-x-plain': 'En vikarie får låna din inloggning en dag.',
          en: 'A substitute who has not yet received their own login may borrow yours for one shift.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Allt vikarien gör ser ut att vara gjort av dig, och hen får tillgång till allt du har behörighet till. Säg till chefen.',
              'sv-x-plain': 'Nej. Då ser det ut som att du har gjort allt. Säg till chefen.',
              en: 'No. Everything the substitute does will look as if you did it, and they get access to everything you can access. Tell your manager.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Inloggningen är personlig. Chefen ansvarar för att vikarien får egen behörighet.',
              'sv-x-plain': 'Rätt. Chefen ska ordna en egen inloggning till vikarien.',
              en: 'Correct. Logins are personal. The manager is responsible for getting the substitute their own access.',
            },
          },
        ],
      },
      {
        key: 'natfiske-tecken',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka är varningstecken på nätfiske? Välj alla som stämmer.',
          'sv-x-plain': 'Vad visar att någon vill lura dig? Välj alla rätta svar.',
          en: 'Which are warning signs of phishing? Choose all that apply.',
        },
        options: [
          {
            key: 'bradskande',
            correct: true,
            text: {
              sv: '"Ditt konto stängs om en timme – logga in här."',
              'sv-x-plain': '"Ditt konto stängs om en timme. Logga in här."',
              en: '"Your account will be closed in one hour – log in here."',
            },
            feedback: {
              sv: 'Rätt. Brådska och en inloggningslänk är klassiska tecken.',
              'sv-x-plain': 'Rätt. Det är bråttom och det finns en länk.',
              en: 'Correct. Urgency and a login link are classic signs.',
            },
          },
          {
            key: 'kod-i-telefon',
            correct: true,
            text: {
              sv: '"IT-supporten" ringer och ber dig läsa upp koden du just fick i ett sms.',
              'sv-x-plain': 'Någon från "IT" ringer. Hen vill ha koden från ditt sms.',
              en: '"IT support" calls and asks you to read out the code you just received by text.',
            },
            feedback: {
              sv: 'Rätt. Ingen seriös support ber om din kod.',
              'sv-x-plain': 'Rätt. Ge aldrig bort din kod.',
              en: 'Correct. No genuine support desk asks for your code.',
            },
          },
          {
            key: 'presentkort',
            correct: true,
            text: {
              sv: '"Chefen" mejlar från en okänd adress och ber dig köpa presentkort.',
              'sv-x-plain': '"Chefen" mejlar från en okänd adress. Hen vill att du köper presentkort.',
              en: '"Your manager" e-mails from an unknown address asking you to buy gift cards.',
            },
            feedback: {
              sv: 'Rätt. Ovanliga önskemål från en avsändare som nästan stämmer är ett vanligt bedrägeri.',
              'sv-x-plain': 'Rätt. Det är ett vanligt sätt att lura.',
              en: 'Correct. Unusual requests from an almost-right sender are a common scam.',
            },
          },
          {
            key: 'vantad-kallelse',
            correct: false,
            text: {
              sv: 'En kallelse till arbetsplatsträffen som chefen sa att hon skulle skicka, från hennes vanliga adress och utan länkar.',
              'sv-x-plain':
                'Chefen skickar en inbjudan till ett möte. Du visste att den skulle komma. Den har inga länkar.',
              en: 'An invitation to the staff meeting that your manager said she would send, from her usual address and without links.',
            },
            feedback: {
              sv: 'Det här är inget varningstecken: du väntade på meddelandet, avsändaren stämmer och det finns inget du ska klicka på.',
              'sv-x-plain': 'Det här är okej. Du visste att den skulle komma.',
              en: 'This is not a warning sign: you expected it, the sender is right and there is nothing to click.',
            },
          },
        ],
      },
      {
        key: 'tappad-mobil',
        kind: 'single',
        prompt: {
          sv: 'Du upptäcker efter passet att arbetsmobilen är borta. Vad gör du?',
          'sv-x-plain': 'Efter jobbet ser du att jobbmobilen är borta. Vad gör du?',
          en: 'After your shift you discover the work phone is missing. What do you do?',
        },
        options: [
          {
            key: 'vanta',
            correct: false,
            text: {
              sv: 'Väntar till i morgon – den dyker säkert upp.',
              'sv-x-plain': 'Jag väntar till i morgon.',
              en: 'Wait until tomorrow – it will probably turn up.',
            },
            feedback: {
              sv: 'Nej. Under tiden kan någon använda digitala nycklar eller läsa uppgifter.',
              'sv-x-plain': 'Nej. Någon annan kan använda mobilen under tiden.',
              en: 'No. Meanwhile someone could use the digital keys or read information.',
            },
          },
          {
            key: 'rapportera-direkt',
            correct: true,
            text: {
              sv: 'Säger till chefen och IT-supporten direkt, enligt rutinen.',
              'sv-x-plain': 'Jag säger till chefen och IT direkt.',
              en: 'Tell the manager and IT support at once, following the routine.',
            },
            feedback: {
              sv: 'Rätt. Då kan mobilen spärras och nycklar stängas av. Det kan också vara en personuppgiftsincident.',
              'sv-x-plain': 'Rätt. Då kan de låsa mobilen.',
              en: 'Correct. Then the phone can be blocked and keys disabled. It may also be a personal data incident.',
            },
          },
          {
            key: 'ny-mobil',
            correct: false,
            text: {
              sv: 'Köper en ny mobil och loggar in på den.',
              'sv-x-plain': 'Jag köper en ny mobil.',
              en: 'Buy a new phone and log in on it.',
            },
            feedback: {
              sv: 'Nej. Den gamla mobilen är fortfarande inloggad och måste spärras. Nya enheter ordnas av arbetsgivaren.',
              'sv-x-plain': 'Nej. Den gamla mobilen måste låsas först.',
              en: 'No. The old phone is still logged in and must be blocked. New devices come from the employer.',
            },
          },
        ],
      },
      {
        key: 'larm-fungerar-inte',
        kind: 'single',
        prompt: {
          sv: 'Ett trygghetslarm fungerar inte vid ditt besök. Vad är det första du gör?',
          'sv-x-plain': 'Ett larm fungerar inte. Vad gör du först?',
          en: 'A social alarm is not working during your visit. What is the first thing you do?',
        },
        options: [
          {
            key: 'sakerhet-forst',
            correct: true,
            text: {
              sv: 'Ser till att personen får den ersättande tillsyn som rutinen anger, och felanmäler.',
              'sv-x-plain':
                'Jag gör som rutinen säger så att personen är trygg. Sedan säger jag till om felet.',
              en: 'Make sure the person gets the replacement supervision the routine specifies, and report the fault.',
            },
            feedback: {
              sv: 'Rätt. Personens säkerhet först – sedan felanmälan, information och dokumentation.',
              'sv-x-plain': 'Rätt. Personen ska vara trygg först.',
              en: "Correct. The person's safety first – then fault report, information and documentation.",
            },
          },
          {
            key: 'nasta-pass',
            correct: false,
            text: {
              sv: 'Skriver en lapp till nästa pass.',
              'sv-x-plain': 'Jag skriver en lapp till nästa kollega.',
              en: 'Leave a note for the next shift.',
            },
            feedback: {
              sv: 'Nej. Personen är utan larm tills någon agerar. Agera nu.',
              'sv-x-plain': 'Nej. Personen har inget larm. Gör något nu.',
              en: 'No. The person is without an alarm until someone acts. Act now.',
            },
          },
          {
            key: 'starta-om-och-ga',
            correct: false,
            text: {
              sv: 'Drar ur och sätter i sladden och går vidare.',
              'sv-x-plain': 'Jag drar ur sladden och sätter i den igen. Sedan går jag.',
              en: 'Unplug it, plug it back in and move on.',
            },
            feedback: {
              sv: 'Inte tillräckligt. En omstart kan hjälpa, men du måste kontrollera att larmet fungerar – annars gäller rutinen.',
              'sv-x-plain': 'Det räcker inte. Du måste kolla att larmet fungerar.',
              en: 'Not enough. A restart may help, but you must check the alarm works – otherwise the routine applies.',
            },
          },
        ],
      },
      {
        key: 'avvikelse-syfte',
        kind: 'true_false',
        prompt: {
          sv: 'Syftet med att rapportera avvikelser är att ta reda på vem som gjorde fel.',
          'sv-x-plain': 'Vi rapporterar avvikelser för att hitta den som gjorde fel.',
          en: 'The purpose of reporting deviations is to find out who made the mistake.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Syftet är att lära och förebygga, så att det inte händer igen.',
              'sv-x-plain': 'Nej. Vi vill lära oss. Vi vill att det inte händer igen.',
              en: 'No. The purpose is to learn and prevent, so that it does not happen again.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Avvikelser handlar om att förbättra rutiner och teknik, inte om att skuldbelägga.',
              'sv-x-plain': 'Rätt. Ingen ska få skulden.',
              en: 'Correct. Deviations are about improving routines and technology, not about blame.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Vad gör vi hos oss när en mobil försvinner, ett larm slutar fungera eller kameran tappar uppkopplingen? Finns rutinen, och hittar alla den – även vikarier och nattpersonal?',
      'sv-x-plain':
        'Vad gör vi när en mobil försvinner? Eller när ett larm inte fungerar? Vet alla var rutinen finns? Även vikarier och de som jobbar natt?',
      en: 'What do we do here when a phone goes missing, an alarm stops working or the camera loses its connection? Is there a routine, and can everyone find it – including substitutes and night staff?',
    },
    {
      sv: 'Har någon av oss fått ett misstänkt meddelande eller samtal? Hur kände vi igen det, och vad gjorde vi?',
      'sv-x-plain': 'Har någon försökt lura oss? Hur märkte vi det? Vad gjorde vi?',
      en: 'Has any of us received a suspicious message or call? How did we recognise it, and what did we do?',
    },
    {
      sv: 'Hur kan vi göra det lättare att rapportera avvikelser, så att ingen tvekar?',
      'sv-x-plain': 'Hur kan det bli lättare att säga till när något blir fel?',
      en: 'How can we make it easier to report deviations, so that nobody hesitates?',
    },
  ],
};
