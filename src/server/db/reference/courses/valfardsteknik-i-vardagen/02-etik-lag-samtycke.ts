import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const etikLagSamtycke: z.input<typeof ModuleContent> = {
  key: 'etik-lag-samtycke',
  title: {
    sv: 'Etik, lag, samtycke och integritet',
    'sv-x-plain': 'Rätt och fel, lagar, samtycke och att skydda det privata',
    en: 'Ethics, law, consent and privacy',
  },
  summary: {
    sv: 'Personens rätt att bestämma själv, vad ett giltigt samtycke är, vad som gäller när någon inte kan ta ställning, grunderna i dataskydd och tystnadsplikt – och hur vi resonerar när valet inte är självklart.',
    'sv-x-plain':
      'Personen bestämmer själv. Du lär dig vad ett samtycke är. Du lär dig vad vi gör när en person inte kan säga ja eller nej. Du lär dig att skydda personens uppgifter.',
    en: "The person's right to decide for themselves, what valid consent is, what applies when someone cannot take a position, the basics of data protection and confidentiality – and how to reason when the choice is not obvious.",
  },
  lessons: [
    {
      key: 'sjalvbestammande-och-samtycke',
      title: {
        sv: 'Självbestämmande och samtycke',
        'sv-x-plain': 'Personen bestämmer själv',
        en: 'Self-determination and consent',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Personen bestämmer

Insatser enligt socialtjänstlagen är frivilliga. Det gäller även välfärdsteknik. Ingen får ett larm, en kamera eller ett digitalt lås för att personalen eller de anhöriga vill det – utgångspunkten är alltid personens egen vilja och behov.

Vägen till en insats går oftast via ett **biståndsbeslut**. Biståndshandläggaren gör en individuell bedömning tillsammans med personen: vad behöver hen, och vad vill hen? Beslutet beskriver vad personen ska få, till exempel "tillsyn nattetid". Hur tillsynen ska gå till – med kamera eller besök, hur ofta och när – bestäms sedan tillsammans med personen och skrivs in i **genomförandeplanen**.

## Vad är ett giltigt samtycke?

Ett samtycke betyder att personen säger ja till något. För att samtycket ska gälla behöver det vara:

- **Frivilligt** – utan press från personal eller anhöriga.
- **Informerat** – personen vet vad tekniken gör, vem som ser vad, när den används och vad alternativet är.
- **Tydligt och konkret** – samtycket gäller just den här tekniken på just det här sättet. Ja till ett trygghetslarm är inte ja till en kamera.
- **Möjligt att ta tillbaka** – personen kan ändra sig när som helst, och det ska vara lätt att säga nej.

## Dokumentera samtycket

Samtycket ska dokumenteras enligt er rutin, oftast i personens akt eller genomförandeplan: vad personen har sagt ja till, när, hur informationen gavs och vem som var med. Det är inte en engångsfråga. Följ upp samtycket när något förändras – när hälsan blir sämre, när tekniken byts ut eller när personen verkar tveksam.

## Din vardag

Fråga, förklara och lyssna. Visa gärna tekniken i stället för att bara berätta om den. Om personen säger nej, eller ändrar sig – respektera det, dokumentera och berätta för ansvarig. Då kan stödet planeras om.`,
        'sv-x-plain': `## Personen bestämmer

Hjälpen från kommunen är frivillig.
Det gäller också tekniken.
Personen får inte ett larm bara för att familjen vill.
Personen får inte en kamera bara för att personalen vill.
Personen själv bestämmer.

Först pratar personen med en **biståndshandläggare**.
Det är en person på kommunen som beslutar om hjälp.
Hen skriver ett beslut.
Till exempel att personen ska få tillsyn på natten.
Tillsyn betyder att någon kollar att personen mår bra.

Sedan bestämmer ni tillsammans med personen hur det ska gå till.
Ska ni titta till personen med kamera?
Eller ska ni komma dit?
Det skriver ni i **genomförandeplanen**.
Genomförandeplanen är en plan för hjälpen.

## Samtycke

Samtycke betyder att personen säger ja.
Ett samtycke gäller bara om:

- personen säger ja **av egen vilja**. Ingen får pressa personen.
- personen **vet vad hen säger ja till**. Vem ser bilderna? När är kameran på?
- det gäller **en sak i taget**. Ja till ett larm är inte ja till en kamera.
- personen **får ändra sig**. Personen kan säga nej när som helst.

## Skriv ner samtycket

Skriv vad personen sa ja till.
Skriv när hen sa det.
Gör som er rutin säger.
Fråga igen om något ändras.
Till exempel om personen blir sjukare.

## Så gör du

Fråga personen.
Förklara och visa tekniken.
Lyssna på svaret.
Om personen säger nej: respektera det.
Skriv det och berätta för din chef.`,
        en: `## The person decides

Services under the Social Services Act are voluntary. That includes welfare technology. Nobody is given an alarm, a camera or a digital lock because staff or relatives want it – the starting point is always the person's own wishes and needs.

The route to a service usually goes through a **decision on assistance** (biståndsbeslut). The needs assessor makes an individual assessment together with the person: what do they need, and what do they want? The decision describes what the person will receive, for example "supervision at night". How the supervision is done – by camera or by visit, how often and when – is then agreed with the person and written into the **implementation plan** (genomförandeplan).

## What is valid consent?

Consent means the person says yes to something. For consent to be valid it needs to be:

- **Voluntary** – without pressure from staff or relatives.
- **Informed** – the person knows what the technology does, who sees what, when it is used and what the alternative is.
- **Clear and specific** – the consent covers this technology used in this way. Yes to a social alarm is not yes to a camera.
- **Possible to withdraw** – the person can change their mind at any time, and saying no should be easy.

## Document the consent

Consent is documented according to your routine, usually in the person's record or implementation plan: what the person agreed to, when, how the information was given and who was present. It is not a one-off question. Follow up consent when something changes – when health declines, when the technology is replaced, or when the person seems unsure.

## In your everyday work

Ask, explain and listen. Show the technology rather than only describing it. If the person says no, or changes their mind – respect it, document it and tell whoever is responsible. Then the support can be replanned.`,
      },
    },
    {
      key: 'nar-samtycke-inte-kan-ges',
      title: {
        sv: 'När personen har svårt att ta ställning',
        'sv-x-plain': 'När personen inte kan säga ja eller nej',
        en: 'When the person finds it hard to take a position',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Nedsatt förmåga är inte detsamma som ingen förmåga

En person med demenssjukdom eller annan kognitiv nedsättning kan ofta ta ställning till mycket, särskilt om frågan är konkret. Förmågan kan också variera över dagen. Ge personen goda chanser: välj en lugn stund, använd enkla ord, visa tekniken, låt personen känna på larmknappen och fråga igen en annan dag.

## Inget tvång

I Sverige finns **ingen lag som ger stöd för tvångs- eller begränsningsåtgärder i äldreomsorgen**, inte heller i vården av personer med demenssjukdom. Det betyder att teknik inte får användas för att övervaka, låsa in eller begränsa en person mot hens vilja. Det gäller även när personalen och de anhöriga tycker att det vore bäst för personen.

**Anhöriga kan inte samtycka i personens ställe.** En god man eller förvaltare kan hjälpa till att föra fram personens intressen, men kan inte heller ge samtycke till åtgärder som begränsar personen.

## Om personen inte kan uttrycka sin vilja

Här finns inga enkla svar, och rättsläget är inte helt klart. Några principer gäller ändå alltid:

- **Du ska inte bedöma det ensam.** Den som ansvarar – chef, biståndshandläggare och vid behov sjuksköterska – gör bedömningen tillsammans med teamet.
- **Sök personens egen vilja.** Vad har hen sagt tidigare? Vad vet anhöriga om hur hen brukade se på sådant? Hur reagerar hen?
- **Välj det minst ingripande.** Finns det ett sätt som ger samma stöd med mindre intrång?
- **Motstånd är ett nej.** Om personen med ord eller handling visar att hen inte vill – tar av sig larmet, blir orolig av kameran – ska tekniken inte användas.
- **Dokumentera och följ upp tätt.** Skriv hur bedömningen gjordes och vem som deltog, och pröva den igen.

## Akuta nödsituationer

Om någon är i akut fara här och nu kan du behöva ingripa för att avvärja faran. Det är ett undantag för stunden – aldrig en grund för en planerad åtgärd eller en rutin. Dokumentera och berätta alltid för din chef.

## Säg till

Om du ser att teknik används mot någons vilja ska du säga till. Personal inom socialtjänsten är skyldig att rapportera missförhållanden och påtagliga risker för missförhållanden (**lex Sarah**).`,
        'sv-x-plain': `## Många kan säga vad de vill

En person med demens kan ofta bestämma själv.
Det är lättare om frågan är enkel.
Välj en lugn stund.
Använd enkla ord.
Visa tekniken.
Fråga igen en annan dag.

## Inget tvång

Tvång betyder att göra något mot personens vilja.
I Sverige finns ingen lag som tillåter tvång i äldreomsorgen.
Du får inte använda teknik för att låsa in en person.
Du får inte övervaka en person som inte vill.
Det gäller även om familjen vill det.

**Familjen kan inte säga ja i stället för personen.**
En god man kan inte heller säga ja till tvång.
En god man är en person som hjälper till med till exempel pengar och kontakter.

## Om personen inte kan säga vad hen vill

Det här är svårt.
Då gäller detta:

- **Bestäm inte själv.** Chefen och andra ansvariga bestämmer tillsammans.
- **Ta reda på vad personen vill.** Vad har hen sagt förut? Vad säger familjen om hen?
- **Välj det som stör minst.**
- **Om personen visar att hen inte vill är det ett nej.** Till exempel om hen tar av sig larmet.
- **Skriv ner allt.** Kolla ofta om det fortfarande är rätt.

## När det är akut

Ibland är en person i fara just nu.
Då kan du behöva göra något direkt för att skydda personen.
Det gäller bara just då.
Det får aldrig bli en vana.
Skriv det och berätta för din chef.

## Säg till

Ser du att någon tvingas?
Då ska du säga till.
Det är en skyldighet.
Den kallas **lex Sarah**.`,
        en: `## Reduced capacity is not the same as no capacity

A person with dementia or another cognitive impairment can often take a position on a lot, especially if the question is concrete. Capacity may also vary during the day. Give the person a good chance: choose a calm moment, use simple words, show the technology, let them feel the alarm button, and ask again another day.

## No coercion

In Sweden there is **no law that provides for coercive or restrictive measures in elder care**, including the care of people with dementia. This means technology may not be used to monitor, lock in or restrict a person against their will. This applies even when staff and relatives think it would be best for the person.

**Relatives cannot consent on the person's behalf.** A trustee or guardian (god man, förvaltare) can help put forward the person's interests, but cannot consent to measures that restrict the person either.

## If the person cannot express their wishes

There are no simple answers here, and the legal position is not entirely clear. Some principles always apply:

- **Do not decide on your own.** Those responsible – the manager, the needs assessor and, when needed, a nurse – make the assessment together with the team.
- **Look for the person's own wishes.** What have they said before? What do relatives know about how they used to view such things? How do they react?
- **Choose the least intrusive option.** Is there a way to give the same support with less intrusion?
- **Resistance means no.** If the person shows in words or actions that they do not want it – takes off the alarm, becomes anxious about the camera – the technology must not be used.
- **Document and follow up closely.** Record how the assessment was made and who took part, and review it again.

## Acute emergencies

If someone is in acute danger here and now, you may need to step in to avert the danger. That is an exception for the moment – never a basis for a planned measure or a routine. Always document it and tell your manager.

## Speak up

If you see technology being used against someone's will, speak up. Staff in social services are obliged to report wrongdoing or neglect in care, and tangible risks of it (**lex Sarah**).`,
      },
    },
    {
      key: 'dataskydd-och-tystnadsplikt',
      title: {
        sv: 'Dataskydd, sekretess och tystnadsplikt',
        'sv-x-plain': 'Skydda personens uppgifter',
        en: 'Data protection, secrecy and confidentiality',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Personuppgifter överallt

En personuppgift är all information som kan kopplas till en levande person: namn, adress, en bild, en röst i ett videosamtal, en GPS-position, en tidpunkt när en dörr låstes upp. Uppgifter om hälsa är **känsliga personuppgifter** och har extra starkt skydd enligt dataskyddsförordningen (GDPR). Välfärdsteknik skapar många sådana uppgifter – därför behöver du veta grunderna.

## Det här gäller för dig

- **Titta bara på det du behöver för ditt arbete.** Din behörighet i systemen är anpassad efter dina uppgifter. Det loggas vem som öppnar vad, och loggarna kontrolleras.
- **Använd uppgifterna bara till det de är till för.** En GPS-position finns för att hitta en person som larmat – inte för att se var hen brukar gå.
- **Spara inget i din privata mobil.** Inga foton, inga anteckningar, inga meddelanden om brukare i privata appar. Använd arbetets verktyg.
- **Personen har rättigheter.** Hen har rätt att få veta vilka uppgifter som finns om hen och att få fel rättade. Hänvisa till din chef om någon frågar.

## Sekretess och tystnadsplikt

Den som arbetar i kommunal omsorg omfattas av **sekretess** enligt offentlighets- och sekretesslagen. Den som arbetar hos en privat utförare har **tystnadsplikt** enligt socialtjänstlagen. I praktiken betyder båda samma sak för dig: du får inte lämna ut något om en persons personliga förhållanden till den som inte har rätt att få veta det.

- Även att en person **får hjälp** från kommunen omfattas.
- Det gäller mot din familj, dina vänner, grannar och sociala medier – och mot kollegor som inte arbetar med personen.
- Anhöriga har inte automatiskt rätt till information. Personen bestämmer vad de får veta.
- Tystnadsplikten fortsätter att gälla när du har slutat på jobbet.
- Att bryta mot den kan vara ett brott.

Tänk också på var du pratar. Diskutera inte brukare på bussen, i affären eller i telefon med högtalare på. Är du osäker på om du får lämna ut något – fråga din chef först.`,
        'sv-x-plain': `## Personuppgifter

En personuppgift är allt som visar vem en person är.
Till exempel namn, adress och bilder.
Det kan också vara var personen är just nu.
Uppgifter om hälsa är extra känsliga.
Det finns en lag som skyddar uppgifterna.
Den heter GDPR.

## Så gör du

- **Titta bara på det du behöver för ditt jobb.** Systemet sparar vem som tittar på vad. Det kontrolleras.
- **Använd uppgifterna bara till det de är till för.** GPS-larmet är till för att hitta personen när hen larmar. Inte för att se var hen går.
- **Spara inget i din egen mobil.** Ta inga bilder. Skriv inga meddelanden om personer i dina egna appar.
- **Personen får veta vad som står om hen.** Om någon frågar: prata med din chef.

## Tystnadsplikt

Tystnadsplikt betyder att du inte får berätta om personerna du hjälper.
I kommunen heter det sekretess.
Hos ett privat företag heter det tystnadsplikt.
Det betyder samma sak för dig.

- Du får inte ens berätta att en person får hjälp.
- Du får inte berätta för din familj eller dina vänner.
- Du får inte skriva om det på sociala medier.
- Familjen till personen får inte veta allt. Personen bestämmer vad familjen får veta.
- Tystnadsplikten gäller också när du har slutat på jobbet.
- Det kan vara ett brott att bryta tystnadsplikten.

Prata inte om personer på bussen eller i affären.
Är du osäker? Fråga din chef.`,
        en: `## Personal data everywhere

Personal data is any information that can be linked to a living person: a name, an address, a picture, a voice on a video call, a GPS position, the time a door was unlocked. Information about health is **sensitive personal data** and has extra strong protection under the General Data Protection Regulation (GDPR). Welfare technology creates a lot of such data – so you need to know the basics.

## What this means for you

- **Only look at what you need for your work.** Your access rights in the systems match your tasks. Who opens what is logged, and the logs are checked.
- **Use data only for its purpose.** A GPS position exists to find a person who has raised an alarm – not to see where they usually walk.
- **Store nothing on your private phone.** No photos, no notes, no messages about clients in private apps. Use your work tools.
- **The person has rights.** They have the right to know what data is held about them and to have errors corrected. Refer anyone who asks to your manager.

## Secrecy and confidentiality

Staff in municipal care are bound by **secrecy** under the Public Access to Information and Secrecy Act (offentlighets- och sekretesslagen). Staff at a private provider have a **duty of confidentiality** under the Social Services Act. In practice both mean the same for you: you must not disclose anything about a person's private circumstances to anyone who is not entitled to know.

- Even the fact that a person **receives help** is covered.
- This applies to your family, friends, neighbours and social media – and to colleagues who do not work with the person.
- Relatives are not automatically entitled to information. The person decides what they may know.
- The duty continues after you have left the job.
- Breaching it can be a crime.

Think about where you talk, too. Do not discuss clients on the bus, in the shop or on a phone on speaker. If you are unsure whether you may share something, ask your manager first.`,
      },
    },
    {
      key: 'dilemma-kamera-eller-besok',
      title: {
        sv: 'Dilemma: kamera eller besök på natten?',
        'sv-x-plain': 'Kamera eller besök på natten? Ett svårt val',
        en: 'Dilemma: camera or visit at night?',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Fallet

Maja, 84 år, har en lätt demenssjukdom och har beslut om tillsyn på natten. I våras sa hon ja till kameratillsyn: en kort titt genom kameran två gånger per natt, utan inspelning. Hon sover bättre sedan dess. Hennes son är nöjd. Men de senaste veckorna har Maja frågat flera gånger vad "den där lilla saken" i taket är, och en kväll hängde hon en handduk över den. En kollega säger: "Vi borde gå dit i stället, man ser ju inte allt i en kamera." En annan säger: "Hon sover ju bättre – ta bort handduken."

## Två sätt att tänka fel

- *Tekniken är alltid bättre* – den kan vara det för Maja, men bara om hon fortfarande vill.
- *Ett besök är alltid tryggare* – även ett besök är ett intrång. Att en främmande person öppnar sovrumsdörren kan kännas värre än en kamera.

Integritet är personlig. Frågan är vad som känns minst störande **för Maja**.

## Så kan ni resonera

1. **Vad vill Maja?** Prata med henne en lugn stund. Förklara och visa kameran igen. Handduken kan vara ett tydligt nej – eller ett tecken på att hon har glömt vad kameran är.
2. **Vad säger beslutet och genomförandeplanen?** Beslutet gäller tillsyn; sättet kan ändras.
3. **Vad är behovet?** Sömn, trygghet, risk för fall? Finns det en lösning som möter behovet med mindre intrång?
4. **Vem bestämmer?** Inte du ensam och inte sonen. Lyft frågan till chefen så att insatsen följs upp med Maja och biståndshandläggaren.
5. **Dokumentera** vad du har sett och vad Maja har sagt – med hennes egna ord.

Fram till dess: ta inte bort handduken. Gör tillsynen på det sätt rutinen säger när kameran inte fungerar – ett besök.`,
        'sv-x-plain': `## Maja

Maja är 84 år.
Hon har lite demens.
Hon får tillsyn på natten.
I våras sa hon ja till en kamera.
Personalen tittar i kameran två gånger per natt.
Kameran spelar inte in.
Maja sover bättre nu.

Men nu frågar Maja ofta vad kameran är.
En kväll hängde hon en handduk över den.

En kollega säger: "Vi borde gå dit i stället."
En annan kollega säger: "Ta bort handduken. Hon sover ju bättre."

## Båda kan ha fel

Tekniken är inte alltid bäst.
Ett besök är inte alltid bäst.
Ett besök kan också störa.
En främmande person öppnar dörren till sovrummet.
Vad tycker Maja är minst jobbigt?

## Så kan ni tänka

1. **Vad vill Maja?** Prata med henne när hon är lugn. Visa kameran igen. Handduken kan betyda nej. Eller så har hon glömt vad kameran är.
2. **Vad står i beslutet?** Beslutet säger tillsyn. Sättet kan ändras.
3. **Vad behöver Maja?** Sova? Känna sig trygg? Inte falla?
4. **Vem bestämmer?** Inte du ensam. Inte sonen. Berätta för chefen.
5. **Skriv ner** vad du ser och vad Maja säger.

Ta inte bort handduken.
Gör ett besök i stället.
Det står i rutinen vad ni gör när kameran inte fungerar.`,
        en: `## The case

Maja, 84, has mild dementia and a decision on night-time supervision. In the spring she said yes to camera supervision: a short look through the camera twice a night, with no recording. She has slept better since. Her son is pleased. But in recent weeks Maja has asked several times what "that little thing" on the ceiling is, and one evening she hung a towel over it. One colleague says: "We should go there instead, you can't see everything through a camera." Another says: "She sleeps better – take the towel down."

## Two ways to get it wrong

- *Technology is always better* – it may be for Maja, but only if she still wants it.
- *A visit is always safer* – a visit is also an intrusion. A stranger opening the bedroom door can feel worse than a camera.

Privacy is personal. The question is what feels least intrusive **to Maja**.

## How you can reason

1. **What does Maja want?** Talk with her at a calm moment. Explain and show the camera again. The towel may be a clear no – or a sign that she has forgotten what the camera is.
2. **What do the decision and the implementation plan say?** The decision is about supervision; the method can change.
3. **What is the need?** Sleep, safety, risk of falls? Is there a solution that meets the need with less intrusion?
4. **Who decides?** Not you alone, and not her son. Raise it with your manager so the service is followed up with Maja and the needs assessor.
5. **Document** what you have seen and what Maja has said – in her own words.

Until then: do not remove the towel. Carry out the supervision the way the routine says when the camera is not working – a visit.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'anhoriga-samtycke',
        kind: 'true_false',
        prompt: {
          sv: 'Anhöriga kan ge samtycke till en kamera i stället för en person med demenssjukdom.',
          'sv-x-plain': 'Familjen kan säga ja till en kamera i stället för personen.',
          en: 'Relatives can consent to a camera on behalf of a person with dementia.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Anhöriga kan berätta om personens vilja och livshistoria, men de kan inte samtycka i personens ställe.',
              'sv-x-plain':
                'Nej. Familjen kan berätta vad personen tycker om. Men familjen kan inte säga ja i stället för personen.',
              en: "No. Relatives can tell you about the person's wishes and life story, but they cannot consent on the person's behalf.",
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Samtycket är personens eget. Anhöriga kan vara ett viktigt stöd i bedömningen.',
              'sv-x-plain': 'Rätt. Bara personen själv kan säga ja.',
              en: "Correct. Consent is the person's own. Relatives can be an important support in the assessment.",
            },
          },
        ],
      },
      {
        key: 'giltigt-samtycke',
        kind: 'single',
        prompt: {
          sv: 'Vad stämmer om ett samtycke till välfärdsteknik?',
          'sv-x-plain': 'Vad är rätt om samtycke?',
          en: 'What is true of consent to welfare technology?',
        },
        options: [
          {
            key: 'kan-tas-tillbaka',
            correct: true,
            text: {
              sv: 'Personen kan ta tillbaka det när som helst.',
              'sv-x-plain': 'Personen får ändra sig när som helst.',
              en: 'The person can withdraw it at any time.',
            },
            feedback: {
              sv: 'Rätt. Ett samtycke ska vara frivilligt, informerat, konkret och möjligt att ta tillbaka.',
              'sv-x-plain': 'Rätt. Personen får alltid säga nej.',
              en: 'Correct. Consent must be voluntary, informed, specific and possible to withdraw.',
            },
          },
          {
            key: 'galler-for-alltid',
            correct: false,
            text: {
              sv: 'När det väl är undertecknat gäller det för alltid.',
              'sv-x-plain': 'Om personen har skrivit på gäller det för alltid.',
              en: 'Once it has been signed, it is valid for ever.',
            },
            feedback: {
              sv: 'Nej. Samtycket behöver följas upp, särskilt när hälsan eller tekniken förändras.',
              'sv-x-plain': 'Nej. Fråga igen när något ändras.',
              en: 'No. Consent needs to be followed up, especially when health or the technology changes.',
            },
          },
          {
            key: 'galler-all-teknik',
            correct: false,
            text: {
              sv: 'Ja till trygghetslarm betyder ja till all annan teknik också.',
              'sv-x-plain': 'Ja till ett larm är ja till all teknik.',
              en: 'Yes to a social alarm means yes to all other technology too.',
            },
            feedback: {
              sv: 'Nej. Samtycket gäller en viss teknik som används på ett visst sätt.',
              'sv-x-plain': 'Nej. Personen säger ja till en sak i taget.',
              en: 'No. Consent covers a specific technology used in a specific way.',
            },
          },
        ],
      },
      {
        key: 'tar-av-larmet',
        kind: 'single',
        prompt: {
          sv: 'En person med demenssjukdom tar gång på gång av sig sitt GPS-larm. Vad är rätt att göra?',
          'sv-x-plain': 'En person med demens tar av sig GPS-larmet hela tiden. Vad gör du?',
          en: 'A person with dementia keeps taking off their GPS alarm. What is the right thing to do?',
        },
        options: [
          {
            key: 'dolja-i-jackan',
            correct: false,
            text: {
              sv: 'Lägga larmet i jackfickan utan att säga något.',
              'sv-x-plain': 'Jag gömmer larmet i jackan. Jag säger inget.',
              en: 'Put the alarm in their coat pocket without saying anything.',
            },
            feedback: {
              sv: 'Nej. Att i hemlighet följa någons position är övervakning mot personens vilja och är inte tillåtet.',
              'sv-x-plain': 'Nej. Det är att övervaka i hemlighet. Det får du inte.',
              en: "No. Secretly tracking someone's position is monitoring against their will and is not allowed.",
            },
          },
          {
            key: 'fasta-larmet',
            correct: false,
            text: {
              sv: 'Fästa larmet så att personen inte kan ta av det.',
              'sv-x-plain': 'Jag sätter fast larmet så att personen inte kan ta av det.',
              en: 'Fasten the alarm so the person cannot take it off.',
            },
            feedback: {
              sv: 'Nej. Det är tvång. Det finns inget lagstöd för tvångsåtgärder i äldreomsorgen.',
              'sv-x-plain': 'Nej. Det är tvång. Det är inte tillåtet.',
              en: 'No. That is coercion. There is no legal basis for coercive measures in elder care.',
            },
          },
          {
            key: 'dokumentera-och-lyfta',
            correct: true,
            text: {
              sv: 'Respektera det, dokumentera vad som händer och be chefen att insatsen följs upp.',
              'sv-x-plain': 'Jag låter personen bestämma. Jag skriver ner det. Jag berättar för chefen.',
              en: 'Respect it, document what happens and ask the manager to have the service followed up.',
            },
            feedback: {
              sv: 'Rätt. Motstånd är ett nej. Den som ansvarar behöver pröva om det finns ett annat sätt att ge stöd.',
              'sv-x-plain':
                'Rätt. Personen visar att hen inte vill. Chefen och andra hittar en annan lösning.',
              en: 'Correct. Resistance means no. Those responsible need to consider other ways to give support.',
            },
          },
        ],
      },
      {
        key: 'tystnadsplikt',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka av följande bryter mot sekretessen eller tystnadsplikten? Välj alla som stämmer.',
          'sv-x-plain': 'Vad bryter mot tystnadsplikten? Välj alla rätta svar.',
          en: 'Which of the following breach secrecy or the duty of confidentiality? Choose all that apply.',
        },
        options: [
          {
            key: 'berattar-hemma',
            correct: true,
            text: {
              sv: 'Berätta för din partner vilka du var hos i dag.',
              'sv-x-plain': 'Jag berättar hemma vilka jag hjälpte i dag.',
              en: 'Telling your partner whom you visited today.',
            },
            feedback: {
              sv: 'Ja, det bryter mot den. Även att någon får hjälp är skyddat.',
              'sv-x-plain': 'Ja. Du får inte ens säga att en person får hjälp.',
              en: 'Yes, that is a breach. Even the fact that someone receives help is protected.',
            },
          },
          {
            key: 'sociala-medier',
            correct: true,
            text: {
              sv: 'Lägga upp en bild från ett hembesök i sociala medier, utan namn.',
              'sv-x-plain': 'Jag lägger en bild från jobbet på sociala medier. Jag skriver inget namn.',
              en: 'Posting a picture from a home visit on social media, without a name.',
            },
            feedback: {
              sv: 'Ja, det bryter mot den. En bild kan avslöja vem det gäller även utan namn.',
              'sv-x-plain': 'Ja. Andra kan se vem det är. Även utan namn.',
              en: 'Yes, that is a breach. A picture can reveal who it is even without a name.',
            },
          },
          {
            key: 'kollega-i-teamet',
            correct: false,
            text: {
              sv: 'Prata i personalrummet med en kollega i samma team om hur ni bäst hjälper en brukare.',
              'sv-x-plain': 'Jag pratar med en kollega i mitt team om hur vi hjälper en person.',
              en: 'Talking in the staff room with a colleague in the same team about how best to help a client.',
            },
            feedback: {
              sv: 'Det är tillåtet. Ni behöver uppgifterna för ert arbete med personen. Se bara till att ingen utomstående hör.',
              'sv-x-plain': 'Det får du. Ni arbetar båda med personen. Se till att ingen annan hör.',
              en: 'That is allowed. You both need the information for your work with the person. Just make sure no outsider can hear.',
            },
          },
          {
            key: 'hogtalare-pa-bussen',
            correct: true,
            text: {
              sv: 'Ringa sjuksköterskan om en brukare med högtalaren på, på bussen.',
              'sv-x-plain': 'Jag pratar om en person i telefon på bussen. Högtalaren är på.',
              en: 'Calling the nurse about a client with the speaker on, on the bus.',
            },
            feedback: {
              sv: 'Ja, det bryter mot den. Samtalet är nödvändigt, men utomstående kan höra. Vänta eller gå undan.',
              'sv-x-plain': 'Ja. Andra på bussen hör. Vänta tills du är ensam.',
              en: 'Yes, that is a breach. The call is necessary, but others can hear. Wait or move somewhere private.',
            },
          },
        ],
      },
      {
        key: 'lag-om-tvang',
        kind: 'true_false',
        prompt: {
          sv: 'Om personal och anhöriga är överens får man använda teknik som begränsar en person i äldreomsorgen, även om personen säger nej.',
          'sv-x-plain': 'Om personal och familj tycker samma sak får de använda teknik mot personens vilja.',
          en: 'If staff and relatives agree, technology that restricts a person in elder care may be used even if the person says no.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Det finns ingen lag som ger stöd för tvångs- eller begränsningsåtgärder i äldreomsorgen.',
              'sv-x-plain': 'Nej. Ingen lag tillåter tvång i äldreomsorgen.',
              en: 'No. There is no law providing for coercive or restrictive measures in elder care.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Personens nej gäller, oavsett vad andra tycker.',
              'sv-x-plain': 'Rätt. Personens nej gäller.',
              en: "Correct. The person's no stands, whatever others think.",
            },
          },
        ],
      },
      {
        key: 'behorighet',
        kind: 'single',
        prompt: {
          sv: 'Din granne får hemtjänst från en annan grupp. Får du läsa hens dokumentation för att se hur hen mår?',
          'sv-x-plain': 'Din granne får hjälp av en annan grupp. Får du läsa om grannen i systemet?',
          en: 'Your neighbour receives home care from another team. May you read their records to see how they are doing?',
        },
        options: [
          {
            key: 'ja-om-jag-tiger',
            correct: false,
            text: {
              sv: 'Ja, om jag inte berättar det för någon.',
              'sv-x-plain': 'Ja, om jag inte berättar för någon.',
              en: 'Yes, as long as I do not tell anyone.',
            },
            feedback: {
              sv: 'Nej. Du får bara läsa uppgifter som du behöver i ditt arbete. Det loggas vem som öppnar vad.',
              'sv-x-plain': 'Nej. Du får bara läsa om personer som du hjälper. Systemet sparar vad du läser.',
              en: 'No. You may only read information you need for your work. Who opens what is logged.',
            },
          },
          {
            key: 'bara-for-arbetet',
            correct: true,
            text: {
              sv: 'Nej, bara om jag behöver uppgifterna i mitt arbete.',
              'sv-x-plain': 'Nej. Bara om jag hjälper grannen i mitt jobb.',
              en: 'No, only if I need the information for my work.',
            },
            feedback: {
              sv: 'Rätt. Nyfikenhet – även omtänksam – är inte ett skäl. Loggarna kontrolleras.',
              'sv-x-plain': 'Rätt. Du får inte läsa bara för att du är nyfiken.',
              en: 'Correct. Curiosity – even caring curiosity – is not a reason. Access logs are checked.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Hur frågar vi i dag om samtycke till teknik, och hur dokumenterar vi det? Finns det något vi borde göra annorlunda?',
      'sv-x-plain':
        'Hur frågar vi personen om hen vill ha tekniken? Var skriver vi svaret? Kan vi göra det bättre?',
      en: 'How do we ask for consent to technology today, and how do we document it? Is there anything we should do differently?',
    },
    {
      sv: 'Diskutera fallet med Maja. Vad skulle ni göra hos oss, och vem skulle ni prata med?',
      'sv-x-plain': 'Prata om Maja. Vad skulle ni göra? Vem skulle ni prata med?',
      en: 'Discuss the case of Maja. What would you do here, and whom would you talk to?',
    },
    {
      sv: 'I vilka situationer är det svårt att hålla tystnadsplikten – till exempel i en liten ort där alla känner alla? Hur hjälper vi varandra?',
      'sv-x-plain':
        'När är det svårt att inte berätta? Till exempel där alla känner varandra. Hur kan vi hjälpa varandra?',
      en: 'In which situations is it hard to keep confidentiality – for example in a small place where everyone knows everyone? How do we help each other?',
    },
  ],
};
