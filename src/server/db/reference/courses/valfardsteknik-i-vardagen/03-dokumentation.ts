import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const dokumentation: z.input<typeof ModuleContent> = {
  key: 'dokumentation',
  title: {
    sv: 'Dokumentation med digitala verktyg',
    'sv-x-plain': 'Skriva om ditt arbete i mobilen',
    en: 'Documentation with digital tools',
  },
  summary: {
    sv: 'Varför vi dokumenterar och vad som ska med, hur du skriver sakligt och respektfullt, hur du dokumenterar och signerar i mobilen – och vad du gör när något blivit fel.',
    'sv-x-plain':
      'Du lär dig varför vi skriver om arbetet. Du lär dig vad du ska skriva. Du lär dig att skriva i mobilen. Du lär dig vad du gör om du skriver fel.',
    en: 'Why we document and what to include, how to write objectively and respectfully, how to document and sign on your phone – and what to do when something has gone wrong.',
  },
  lessons: [
    {
      key: 'varfor-och-vad',
      title: {
        sv: 'Varför och vad dokumenterar vi?',
        'sv-x-plain': 'Varför skriver vi? Vad skriver vi?',
        en: 'Why do we document, and what?',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Varför?

Socialtjänstlagen kräver att genomförandet av insatser dokumenteras. Dokumentationen kallas ofta **social dokumentation**. Den finns för att:

- **personen** ska få den hjälp som beslutats, på det sätt hen vill – även när någon annan än du kommer nästa gång,
- **kollegorna** ska veta vad som har hänt och kunna fortsätta arbetet,
- det ska gå att **följa upp** om insatsen fungerar och om behoven har förändrats,
- personen ska vara **rättssäker** – det går i efterhand att se vad som gjorts och varför.

Personen har i regel rätt att läsa det som skrivs om hen. Skriv så att du kan stå för varje ord om hen läser det.

## Vad ska med?

Du behöver inte skriva om allt som går som vanligt. Dokumentera det som är **av betydelse**:

- händelser och förändringar – hälsa, humör, aptit, sömn, förmåga,
- när något görs på annat sätt än i genomförandeplanen, och varför,
- vad personen själv säger och önskar,
- kontakter med anhöriga, sjuksköterska eller andra, om det har betydelse för insatsen.

## Välfärdsteknik i dokumentationen

Tekniken ger nya saker att dokumentera, till exempel:

- tillsyn med kamera som inte kunde göras, och att ett besök gjordes i stället,
- ett larm som utlöstes, vad du gjorde och hur det gick,
- att personen inte vill använda tekniken, med hens egna ord,
- fel på utrustningen, och att du har rapporterat felet.

## Två sorters dokumentation

Uppgifter som hör till **hälso- och sjukvården** – till exempel läkemedel som du ger på delegering av en sjuksköterska – dokumenteras och signeras enligt hälso- och sjukvårdens regler, ofta i en särskild signeringslista eller journal. Följ din arbetsplats rutin för vad som skrivs var.`,
        'sv-x-plain': `## Varför skriver vi?

Det finns en lag som säger att vi ska skriva om vårt arbete.
Det kallas att dokumentera.
Vi dokumenterar för att:

- personen ska få rätt hjälp, även när en kollega kommer,
- dina kollegor ska veta vad som har hänt,
- vi ska kunna se om hjälpen fungerar,
- det ska gå att se vad vi har gjort och varför.

Personen får läsa det du skriver om hen.
Skriv så att det känns bra om personen läser.

## Vad skriver vi?

Du behöver inte skriva om allt.
Skriv det som är viktigt:

- om personen mår annorlunda än förut,
- om du gör något annat än det som står i planen, och varför,
- vad personen säger och vill,
- viktiga samtal med familjen eller sjuksköterskan.

## Skriv om tekniken

Skriv till exempel:

- om du inte kunde titta i kameran, och att du gick dit i stället,
- om ett larm gick, vad du gjorde och hur det gick,
- om personen inte vill använda tekniken. Skriv med personens egna ord.
- om tekniken var trasig, och att du har sagt till.

## Medicin skriver du på ett annat ställe

Ibland ger du medicin.
Det får du göra när en sjuksköterska har gett dig lov.
Det kallas delegering.
Medicin skriver du på ett annat ställe.
Fråga din chef var du ska skriva.`,
        en: `## Why?

The Social Services Act requires the delivery of services to be documented. This is often called **social documentation**. It exists so that:

- **the person** gets the help that was decided, in the way they want – even when someone other than you comes next time,
- **colleagues** know what has happened and can carry on the work,
- it is possible to **follow up** whether the service works and whether needs have changed,
- the person's **legal rights** are protected – afterwards it is possible to see what was done and why.

The person generally has the right to read what is written about them. Write so that you can stand by every word if they read it.

## What should be included?

You do not need to write about everything that goes as usual. Document what is **significant**:

- events and changes – health, mood, appetite, sleep, abilities,
- when something is done differently from the implementation plan, and why,
- what the person says and wishes,
- contacts with relatives, the nurse or others, if they matter for the service.

## Welfare technology in the documentation

Technology brings new things to document, for example:

- camera supervision that could not be carried out, and that a visit was made instead,
- an alarm that went off, what you did and how it turned out,
- that the person does not want to use the technology, in their own words,
- faults in the equipment, and that you have reported them.

## Two kinds of documentation

Information that belongs to **health care** – for example medicines you give under delegation from a nurse – is documented and signed according to health-care rules, often in a separate signing list or record. Follow your workplace's routine for what goes where.`,
      },
    },
    {
      key: 'sakligt-och-respektfullt',
      title: {
        sv: 'Skriv sakligt och respektfullt',
        'sv-x-plain': 'Skriv det du ser och hör',
        en: 'Write objectively and respectfully',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Fakta före tolkningar

Skriv det du **såg**, **hörde** och **gjorde**. Om du gör en bedömning – skriv vad den bygger på. Citera gärna personen med hens egna ord.

- **I stället för:** Karl var besvärlig och vägrade duscha.
  - **Skriv hellre:** Karl sa: "Jag orkar inte duscha i dag." Vi kom överens om att försöka i morgon förmiddag.
- **I stället för:** Stina var förvirrad i natt.
  - **Skriv hellre:** Stina var uppe kl. 02.30 och letade efter sin väska. Hon lugnade sig när vi satt ner och pratade en stund.
- **I stället för:** Larmet strulade som vanligt.
  - **Skriv hellre:** Larmet gav ingen testsignal kl. 08.10. Felet anmält till larmleverantören enligt rutin. Extra besök kl. 11 planerat med chefen.

## Respektfullt språk

- Skriv om personen, inte om diagnosen: "Ali, som har en demenssjukdom" – inte "den dementa".
- Undvik värdeord som *besvärlig*, *krävande*, *vägrar*, *snäll*. De säger mer om den som skriver än om personen.
- Skriv kort och tydligt, med hela meningar. Undvik förkortningar som bara ni i gruppen förstår.

## Det här ska inte stå

- dina egna åsikter om personen eller hens anhöriga,
- gissningar om diagnoser,
- uppgifter om andra personer, om de inte behövs för insatsen,
- sådant du har hört som skvaller,
- känsliga detaljer som inte har betydelse för stödet.

## Skriva på svenska som andraspråk

Många som arbetar i omsorgen har svenska som andraspråk. Korta meningar är bra dokumentation – de är ofta tydligare än långa. Använd mobilens rättstavning, be en kollega läsa om du är osäker, och fråga din chef om stöd, till exempel färdiga fraser eller språkstöd på arbetsplatsen.`,
        'sv-x-plain': `## Skriv det du ser

Skriv det du **såg**.
Skriv det du **hörde**.
Skriv det du **gjorde**.
Skriv gärna vad personen sa, med personens ord.

Ett exempel:
Skriv inte: "Karl var besvärlig och vägrade duscha."
Skriv: Karl sa: "Jag orkar inte duscha i dag." Vi bestämde att försöka i morgon.

Ett till exempel:
Skriv inte: "Stina var förvirrad i natt."
Skriv: Stina var uppe klockan 02.30. Hon letade efter sin väska. Hon blev lugn när vi pratade en stund.

## Skriv med respekt

- Skriv personens namn. Skriv inte "den dementa".
- Skriv inte ord som *besvärlig* eller *jobbig*.
- Skriv korta och tydliga meningar.
- Använd inte förkortningar som andra inte förstår.

## Det här skriver du inte

- vad du själv tycker om personen,
- vad du tycker om familjen,
- vad du tror att personen har för sjukdom,
- saker om andra personer,
- skvaller.

## Svenska är inte ditt första språk?

Det är okej.
Korta meningar är bra.
Korta meningar är ofta tydligare.
Använd rättstavning i mobilen.
Be en kollega läsa om du är osäker.
Fråga din chef om hjälp.`,
        en: `## Facts before interpretations

Write what you **saw**, **heard** and **did**. If you make an assessment, write what it is based on. Quote the person in their own words where you can.

- **Instead of:** Karl was difficult and refused to shower.
  - **Write:** Karl said: "I can't manage a shower today." We agreed to try tomorrow morning.
- **Instead of:** Stina was confused last night.
  - **Write:** Stina was up at 02.30 looking for her handbag. She calmed down when we sat and talked for a while.
- **Instead of:** The alarm was playing up as usual.
  - **Write:** The alarm gave no test signal at 08.10. Fault reported to the alarm supplier as per routine. Extra visit at 11.00 agreed with the manager.

## Respectful language

- Write about the person, not the diagnosis: "Ali, who has dementia" – not "the demented man".
- Avoid value-laden words such as *difficult*, *demanding*, *refuses*, *nice*. They say more about the writer than about the person.
- Write briefly and clearly, in full sentences. Avoid abbreviations only your team understands.

## What should not be written

- your own opinions about the person or their relatives,
- guesses about diagnoses,
- information about other people, unless needed for the service,
- things you have heard as gossip,
- sensitive details that do not matter for the support.

## Writing in Swedish as a second language

Many people in care work have Swedish as a second language. Short sentences are good documentation – they are often clearer than long ones. Use the phone's spell-check, ask a colleague to read if you are unsure, and ask your manager for support, such as ready-made phrases or language support at the workplace.`,
      },
    },
    {
      key: 'i-mobilen',
      title: {
        sv: 'Dokumentera och signera i mobilen',
        'sv-x-plain': 'Skriva och signera i mobilen',
        en: 'Documenting and signing on your phone',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Nära i tid

Dokumentera så snart du kan efter besöket, medan du minns. Det som skrivs direkt blir mer korrekt än det som skrivs i slutet av passet. Men tänk på var du sitter: skriv inte så att personen eller andra kan läsa över axeln, och dokumentera inte om en brukare när du är hos en annan.

## Din inloggning är din underskrift

När du loggar in och signerar i appen visar systemet att det är **du** som har skrivit och utfört något. Därför:

- Logga alltid in med din egen inloggning, med det sätt som arbetsgivaren har bestämt – till exempel ett e-tjänstekort eller en app för identifiering.
- Signera bara det du själv har gjort. Signera aldrig åt en kollega, och låt aldrig någon annan använda din inloggning.
- Logga ut eller lås mobilen när du är klar.

## När du är utan täckning

Många appar kan spara det du skriver när mobilen saknar täckning och skicka det senare. Kontrollera att det verkligen har skickats när du har täckning igen – ofta visas en symbol eller ett meddelande. Följ rutinen om appen inte fungerar, till exempel en reservblankett som förs in i efterhand.

## Om du skriver fel

Alla skriver fel ibland. Det viktiga är att rätta på rätt sätt:

- Det som har skrivits ska inte raderas eller skrivas över så att det ursprungliga försvinner. Använd systemets funktion för rättelse, så att det syns vad som ändrats, när och av vem.
- Har du skrivit i **fel persons** dokumentation har uppgifter om en person hamnat hos en annan. Säg till din chef direkt – det kan behöva hanteras som en incident.
- Har du glömt något: gör en ny anteckning och skriv när händelsen inträffade.`,
        'sv-x-plain': `## Skriv direkt

Skriv så snart du kan efter besöket.
Då kommer du ihåg bäst.
Skriv inte när någon annan kan läsa i din mobil.

## Din inloggning är ditt namn

När du loggar in och signerar visar du att det är du som har gjort något.
Signera betyder att du bekräftar att du har gjort det.

- Logga alltid in med din egen inloggning.
- Signera bara det som du själv har gjort.
- Signera aldrig åt en kollega.
- Låt aldrig någon annan använda din inloggning.
- Lås mobilen när du är klar.

## När mobilen inte har täckning

Ibland har mobilen ingen täckning.
Då kan appen ofta spara det du skriver.
Appen skickar det sedan.
Kolla att det har skickats.
Om appen inte fungerar: gör som rutinen säger.

## Om du skriver fel

Alla skriver fel ibland.

- Ta inte bort det du har skrivit.
- Använd appens sätt att rätta. Då syns det vad som har ändrats.
- Har du skrivit om en person hos en annan person? Säg det till din chef direkt.
- Har du glömt något? Skriv en ny text. Skriv när det hände.`,
        en: `## Close in time

Document as soon as you can after the visit, while you remember. What is written straight away is more accurate than what is written at the end of the shift. But think about where you are: do not write where the person or others can read over your shoulder, and do not document about one client while you are with another.

## Your login is your signature

When you log in and sign in the app, the system shows that **you** wrote or did something. Therefore:

- Always log in with your own credentials, in the way your employer has decided – for example an e-service card or an identification app.
- Only sign what you have done yourself. Never sign for a colleague, and never let anyone else use your login.
- Log out or lock the phone when you are done.

## When you have no coverage

Many apps can save what you write when the phone has no coverage and send it later. Check that it really has been sent when you have coverage again – often a symbol or message shows this. Follow the routine if the app does not work, for example a paper backup form entered afterwards.

## If you make a mistake

Everyone makes mistakes sometimes. What matters is correcting them the right way:

- What has been written must not be deleted or overwritten so that the original disappears. Use the system's correction function, so it shows what was changed, when and by whom.
- If you have written in the **wrong person's** record, information about one person has ended up with another. Tell your manager at once – it may need to be handled as an incident.
- If you forgot something: make a new entry and state when the event happened.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'basta-anteckningen',
        kind: 'single',
        prompt: {
          sv: 'Vilken anteckning är bäst skriven?',
          'sv-x-plain': 'Vilken text är bäst?',
          en: 'Which note is best written?',
        },
        options: [
          {
            key: 'vardeord',
            correct: false,
            text: {
              sv: 'Anna var besvärlig och vägrade duscha.',
              'sv-x-plain': 'Anna var besvärlig och ville inte duscha.',
              en: 'Anna was difficult and refused to shower.',
            },
            feedback: {
              sv: 'Nej. "Besvärlig" och "vägrade" är värdeord och säger inget om varför eller vad som händer sedan.',
              'sv-x-plain': 'Nej. "Besvärlig" är ett dåligt ord. Texten säger inte vad som hände sedan.',
              en: 'No. "Difficult" and "refused" are value-laden and say nothing about why or what happens next.',
            },
          },
          {
            key: 'sakligt-med-citat',
            correct: true,
            text: {
              sv: 'Anna sa: "Jag är för trött för att duscha i dag." Vi kom överens om att försöka i morgon förmiddag.',
              'sv-x-plain':
                'Anna sa: "Jag är för trött för att duscha i dag." Vi bestämde att försöka i morgon.',
              en: 'Anna said: "I\'m too tired to shower today." We agreed to try tomorrow morning.',
            },
            feedback: {
              sv: 'Rätt. Sakligt, med personens egna ord och vad som ska hända härnäst.',
              'sv-x-plain': 'Rätt. Texten säger vad Anna sa och vad som ska hända.',
              en: "Correct. Objective, in the person's own words, and with what happens next.",
            },
          },
          {
            key: 'som-vanligt',
            correct: false,
            text: {
              sv: 'Anna var på dåligt humör som vanligt.',
              'sv-x-plain': 'Anna var arg som vanligt.',
              en: 'Anna was in a bad mood as usual.',
            },
            feedback: {
              sv: 'Nej. Det är en tolkning, och "som vanligt" är en värdering. Skriv vad du såg och hörde.',
              'sv-x-plain': 'Nej. Det är vad du tycker. Skriv vad du såg och hörde.',
              en: 'No. That is an interpretation, and "as usual" is a judgement. Write what you saw and heard.',
            },
          },
        ],
      },
      {
        key: 'vad-ska-med',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka av följande ska dokumenteras? Välj alla som stämmer.',
          'sv-x-plain': 'Vad ska du skriva? Välj alla rätta svar.',
          en: 'Which of the following should be documented? Choose all that apply.',
        },
        options: [
          {
            key: 'kamera-besok',
            correct: true,
            text: {
              sv: 'Kameratillsynen gick inte att göra, så du gjorde ett besök i stället.',
              'sv-x-plain': 'Kameran fungerade inte. Du gick dit i stället.',
              en: 'The camera check could not be done, so you made a visit instead.',
            },
            feedback: {
              sv: 'Rätt. Det är en avvikelse från planen och visar att personen ändå fick sin tillsyn.',
              'sv-x-plain': 'Rätt. Det visar att personen fick hjälp ändå.',
              en: 'Correct. It departs from the plan and shows the person still got their supervision.',
            },
          },
          {
            key: 'videosamtal-torsdag',
            correct: true,
            text: {
              sv: 'Personen ville inte ha videosamtalet i dag och önskar det på torsdag i stället.',
              'sv-x-plain': 'Personen ville inte ha videosamtal i dag. Hen vill ha det på torsdag.',
              en: 'The person did not want the video call today and would like it on Thursday instead.',
            },
            feedback: {
              sv: 'Rätt. Personens önskemål är viktiga för hur insatsen ges.',
              'sv-x-plain': 'Rätt. Det personen vill är viktigt att skriva.',
              en: "Correct. The person's wishes matter for how the service is given.",
            },
          },
          {
            key: 'asikt-om-anhoriga',
            correct: false,
            text: {
              sv: 'Din åsikt om hur dotterns hem ser ut.',
              'sv-x-plain': 'Vad du tycker om dotterns hem.',
              en: "Your opinion of what the daughter's home looks like.",
            },
            feedback: {
              sv: 'Nej. Egna åsikter och uppgifter om andra som inte behövs för insatsen ska inte dokumenteras.',
              'sv-x-plain': 'Nej. Skriv inte vad du tycker om andra personer.',
              en: 'No. Personal opinions and information about others that the service does not need should not be documented.',
            },
          },
          {
            key: 'gps-laddat',
            correct: true,
            text: {
              sv: 'GPS-larmet hade inget batteri kvar; du laddade det och rapporterade enligt rutin.',
              'sv-x-plain': 'GPS-larmet hade inget batteri. Du laddade det och sa till.',
              en: 'The GPS alarm had a flat battery; you charged it and reported it as per routine.',
            },
            feedback: {
              sv: 'Rätt. Under den tiden hade personen inget fungerande larm – det är viktigt att veta vid uppföljningen.',
              'sv-x-plain': 'Rätt. Personen hade inget larm en stund. Det är viktigt att veta.',
              en: 'Correct. During that time the person had no working alarm – important to know at follow-up.',
            },
          },
        ],
      },
      {
        key: 'signera-at-kollega',
        kind: 'true_false',
        prompt: {
          sv: 'Om det är mycket att göra får en kollega signera med din inloggning.',
          'sv-x-plain': 'En kollega får signera med din inloggning om ni har bråttom.',
          en: 'When things are busy, a colleague may sign using your login.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Inloggningen är din underskrift. Den som signerar intygar att hen själv har gjort det.',
              'sv-x-plain': 'Nej. Din inloggning är bara din.',
              en: 'No. Your login is your signature. Whoever signs confirms that they did it themselves.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Var och en loggar in och signerar bara för sig själv.',
              'sv-x-plain': 'Rätt. Alla loggar in och signerar själva.',
              en: 'Correct. Everyone logs in and signs only for themselves.',
            },
          },
        ],
      },
      {
        key: 'fel-person',
        kind: 'single',
        prompt: {
          sv: 'Du märker att du har skrivit en anteckning i fel persons dokumentation. Vad gör du?',
          'sv-x-plain': 'Du har skrivit om en person hos en annan person. Vad gör du?',
          en: "You notice you have written a note in the wrong person's record. What do you do?",
        },
        options: [
          {
            key: 'radera',
            correct: false,
            text: {
              sv: 'Raderar texten så att ingen ser den.',
              'sv-x-plain': 'Jag tar bort texten.',
              en: 'Delete the text so nobody sees it.',
            },
            feedback: {
              sv: 'Nej. Dokumentation ska inte raderas så att det ursprungliga försvinner, och felet behöver hanteras.',
              'sv-x-plain': 'Nej. Du får inte ta bort text. Din chef behöver veta.',
              en: 'No. Documentation must not be deleted so that the original disappears, and the mistake needs handling.',
            },
          },
          {
            key: 'ratta-och-saga-till',
            correct: true,
            text: {
              sv: 'Rättar enligt systemets funktion och säger till chefen direkt.',
              'sv-x-plain': 'Jag rättar i appen. Jag säger till chefen direkt.',
              en: "Correct it using the system's function and tell the manager at once.",
            },
            feedback: {
              sv: 'Rätt. Uppgifter om en person har hamnat hos en annan. Chefen avgör om det ska hanteras som en incident.',
              'sv-x-plain': 'Rätt. Chefen vet vad som ska göras sedan.',
              en: 'Correct. Information about one person has ended up with another. The manager decides whether it is handled as an incident.',
            },
          },
          {
            key: 'lata-vara',
            correct: false,
            text: {
              sv: 'Låter det vara – det är bara en kort anteckning.',
              'sv-x-plain': 'Jag gör ingenting. Det var bara lite text.',
              en: 'Leave it – it is only a short note.',
            },
            feedback: {
              sv: 'Nej. Även en kort anteckning är en personuppgift som nu finns på fel ställe.',
              'sv-x-plain': 'Nej. Texten handlar om en person. Den är på fel ställe.',
              en: 'No. Even a short note is personal data that is now in the wrong place.',
            },
          },
        ],
      },
      {
        key: 'ratt-att-lasa',
        kind: 'true_false',
        prompt: {
          sv: 'Personen har i regel rätt att läsa det som dokumenteras om hen.',
          'sv-x-plain': 'Personen får läsa det du skriver om hen.',
          en: 'The person generally has the right to read what is documented about them.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Skriv därför så att du kan stå för varje ord om personen läser det.',
              'sv-x-plain': 'Rätt. Skriv så att det känns bra om personen läser.',
              en: 'Correct. So write in a way you can stand by if the person reads it.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Personen har i regel rätt att ta del av sin dokumentation.',
              'sv-x-plain': 'Fel. Personen får läsa det.',
              en: 'Wrong. The person generally has the right to see their documentation.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Ta med en anteckning (utan namn eller andra uppgifter som visar vem det gäller). Hur kan den skrivas mer sakligt och respektfullt?',
      'sv-x-plain': 'Ta med en text som ni har skrivit. Ta bort namnet. Hur kan ni skriva den bättre?',
      en: 'Bring a note (without the name or other details that reveal who it concerns). How could it be written more objectively and respectfully?',
    },
    {
      sv: 'Vad gör vi när dokumentationsappen inte fungerar eller mobilen saknar täckning? Vet alla i gruppen hur rutinen ser ut?',
      'sv-x-plain': 'Vad gör vi när appen inte fungerar? Vet alla vad rutinen säger?',
      en: 'What do we do when the documentation app does not work or the phone has no coverage? Does everyone in the team know the routine?',
    },
    {
      sv: 'Vilka händelser med välfärdsteknik borde vi dokumentera bättre, och varför?',
      'sv-x-plain': 'Vad om tekniken borde vi skriva mer om? Varför?',
      en: 'Which events involving welfare technology should we document better, and why?',
    },
  ],
};
