import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const nyttorealisering: z.input<typeof ModuleContent> = {
  key: 'nyttorealisering',
  title: { sv: 'Nyttorealisering och uppföljning', en: 'Benefit realisation and follow-up' },
  summary: {
    sv: 'Varför nyttan inte kommer av sig själv, hur du gör en nollmätning och väljer indikatorer, och hur ni följer upp över tid och faktiskt tar hem nyttan.',
    en: 'Why benefits do not come by themselves, how to take a baseline and choose indicators, and how to follow up over time and actually realise the benefits.',
  },
  lessons: [
    {
      key: 'vad-ar-nyttorealisering',
      title: { sv: 'Vad är nyttorealisering?', en: 'What is benefit realisation?' },
      estimatedMinutes: 4,
      body: {
        sv: `## Nyttan kommer inte av sig själv

Att en kamera är installerad betyder inte att någon sover bättre. Att nattbesök har ersatts av kameratillsyn betyder inte att tiden används till något annat – om ingen bestämmer det. **Nyttorealisering** är det planerade arbetet med att identifiera, mäta och ta hem de nyttor som en förändring ska ge. Det norska välfärdsteknologiprogrammet har utvecklat ett arbetssätt för detta (gevinstrealisering) som många svenska kommuner har inspirerats av.

## Olika slags nytta

- **Kvalitet för personen:** trygghet, självständighet, sömn, delaktighet, möjlighet att bo kvar hemma.
- **Arbetsmiljö:** färre onödiga resor, mindre stress, färre avbrott, mer tid för det som kräver närvaro.
- **Tid:** timmar som frigörs och kan användas annorlunda.
- **Ekonomi:** undvikna kostnader – till exempel att växande behov kan mötas utan att lika många nya tjänster behövs – och ibland direkta besparingar, som färre bilar eller mindre nyckelhantering.

Räkna också med **negativa effekter**: nya uppgifter (larmhantering, laddning, support), inlärningstid och ibland missnöje. De ska med i bilden.

## Nyttoägare

Varje nytta behöver en **nyttoägare** – oftast en chef i linjen – som ansvarar för att nyttan följs upp och tas hem. Utan ägare blir nyttorna ett löfte i en projektplan.

## En cykel, inte en slutrapport

Nyttorealisering pågår under hela arbetet: ni beskriver förväntade nyttor i beslutsunderlaget, mäter utgångsläget innan förändringen, följer upp under och efter testet och fortsätter att följa upp i drift. Det är först när nyttan är mätt och använd som förändringen har lönat sig.`,
        en: `## Benefits do not come by themselves

A camera being installed does not mean anyone sleeps better. Night visits being replaced by camera supervision does not mean the time is used for something else – unless someone decides it. **Benefit realisation** is the planned work of identifying, measuring and securing the benefits a change is meant to deliver. Norway's national welfare technology programme developed an approach for this (gevinstrealisering) that many Swedish municipalities have drawn on.

## Different kinds of benefit

- **Quality for the person:** safety, independence, sleep, participation, being able to stay at home.
- **Work environment:** fewer unnecessary trips, less stress, fewer interruptions, more time for what requires presence.
- **Time:** hours freed that can be used differently.
- **Finances:** avoided costs – for example meeting growing needs without as many new posts – and sometimes direct savings, such as fewer cars or less key handling.

Also count on **negative effects**: new tasks (alarm handling, charging, support), learning time and sometimes dissatisfaction. They belong in the picture.

## Benefit owner

Every benefit needs a **benefit owner** – usually a line manager – who is responsible for following it up and securing it. Without an owner, benefits remain a promise in a project plan.

## A cycle, not a final report

Benefit realisation runs throughout the work: you describe expected benefits in the decision basis, measure the starting point before the change, follow up during and after the trial, and continue following up in operation. Only when the benefit has been measured and put to use has the change paid off.`,
      },
    },
    {
      key: 'nollmatning-och-indikatorer',
      title: { sv: 'Nollmätning och indikatorer', en: 'Baseline and indicators' },
      estimatedMinutes: 4,
      body: {
        sv: `## Nollmätningen

En **nollmätning** beskriver läget innan förändringen, med samma mått som ni senare ska följa upp med. Utan den går det inte att visa vad förändringen ledde till – bara hur det ser ut efteråt. Gör den innan testet startar; efteråt går den sällan att återskapa.

## Välj få och användbara indikatorer

En indikator är ett mått som säger något om en nytta. Välj några få per mål – hellre tre som faktiskt mäts än femton som ingen orkar med. För varje indikator: vad mäts, hur, av vem, hur ofta, och var finns uppgifterna?

Exempel för kameratillsyn på natten:

- **Bättre sömn:** Andel som uppger att de sover bra (källa: kort intervju vid uppföljning)
- **Trygghet:** Andel som känner sig trygga på natten (källa: samma intervju)
- **Tid:** Antal fysiska nattbesök och körd sträcka per natt (källa: planeringssystem, körjournal)
- **Kvalitet:** Antal avvikelser kopplade till tillsynen (källa: avvikelsesystem)
- **Arbetsmiljö:** Medarbetarnas upplevda stress på nattpasset (källa: kort enkät)

Exempel för andra lösningar: missade läkemedelsdoser och tid för läkemedelsbesök (läkemedelsautomat), tid för nyckelhantering och nyckelincidenter (digitala lås), andel larm som besvaras inom målsatt tid (trygghetslarm).

## Kvalitativt och kvantitativt

Siffror visar hur mycket; berättelser visar varför. Kombinera mått med några korta intervjuer med personer, anhöriga och medarbetare.

## Samma metod före och efter

Mät på samma sätt, under jämförbar period och för en jämförbar grupp. Skriv ner hur ni mätte, så att nästa mätning kan göras likadant – även om någon annan gör den.

## Integritet

Följ upp på gruppnivå. Samla inte in mer personuppgifter än ni behöver, och redovisa så att ingen enskild kan pekas ut.`,
        en: `## The baseline

A **baseline** describes the situation before the change, using the same measures you will later follow up with. Without it you cannot show what the change led to – only what things look like afterwards. Take it before the trial starts; afterwards it can rarely be recreated.

## Choose a few useful indicators

An indicator is a measure that says something about a benefit. Choose a few per goal – better three that are actually measured than fifteen nobody keeps up with. For each indicator: what is measured, how, by whom, how often, and where is the data?

Example for night-time camera supervision:

- **Better sleep:** Share who say they sleep well (source: short interview at follow-up)
- **Safety:** Share who feel safe at night (source: same interview)
- **Time:** Number of physical night visits and distance driven per night (source: planning system, mileage log)
- **Quality:** Number of deviations linked to supervision (source: deviation system)
- **Work environment:** Staff's perceived stress on the night shift (source: short survey)

Examples for other solutions: missed medication doses and time for medication visits (medication dispenser), time spent on key handling and key incidents (digital locks), share of alarms answered within the target time (social alarms).

## Qualitative and quantitative

Figures show how much; stories show why. Combine measures with a few short interviews with clients, relatives and staff.

## Same method before and after

Measure in the same way, over a comparable period and for a comparable group. Write down how you measured, so the next measurement can be done the same way – even if someone else does it.

## Privacy

Follow up at group level. Do not collect more personal data than you need, and report so that no individual can be identified.`,
      },
    },
    {
      key: 'folja-upp-och-ta-hem',
      title: {
        sv: 'Följa upp över tid och ta hem nyttan',
        en: 'Following up over time and securing the benefit',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Följ upp i flera steg

Nyttor kommer sällan direkt. I början tar ny teknik ofta mer tid – för installation, inlärning och justering – innan den ger tillbaka. Planera därför uppföljning vid flera tillfällen, till exempel efter tre, sex och tolv månader, och sedan årligen så länge lösningen används. Jämför varje gång mot nollmätningen och mot målet.

## Ta hem nyttan

Frigjord tid försvinner om ingen bestämmer vad den ska användas till. Besluta i förväg – gärna tillsammans med medarbetarna – hur nyttan ska tas hem. Till exempel:

- mer tid för sociala aktiviteter eller samtal med dem som önskar det,
- att möta ett växande antal personer med beslut utan att behöva rekrytera lika mycket,
- minskad övertid eller färre pass med hög belastning,
- färre bilar eller lägre kostnader för nyckelhantering.

Att ta hem nyttan är ett beslut, inte en effekt som uppstår av sig själv. Skriv in den i verksamhetsplanen och budgeten.

## Justera eller avsluta

Om nyttan uteblir – ta reda på varför. Är det tekniken, rutinerna, kompetensen, eller var antagandet fel? Justera, och om det ändå inte fungerar: avsluta. Att fortsätta med en lösning som inte ger något kostar både pengar och förtroende.

## Dela det ni lärt er

Redovisa resultaten för ledning, medarbetare och – i lämplig form – personer och anhöriga. Dela dem också med andra kommuner, till exempel i regionala nätverk eller som ett exempel i Välfärdsnavet. Det ni har mätt kan spara andra ett helt test.

## Underlag för nästa steg

Uppföljningen ger underlag till nästa år: nya behov, förbättrade rutiner, kompetensbehov och underlag till kommunens handlingsplan.`,
        en: `## Follow up in stages

Benefits rarely come straight away. At first, new technology often takes more time – for installation, learning and adjustment – before it gives back. Plan follow-up at several points, for example after three, six and twelve months, and then yearly for as long as the solution is used. Compare each time with the baseline and with the goal.

## Secure the benefit

Freed time disappears unless someone decides what it is to be used for. Decide in advance – preferably together with staff – how the benefit will be secured. For example:

- more time for social activities or conversation with those who want it,
- meeting a growing number of people with care decisions without recruiting as much,
- less overtime or fewer high-pressure shifts,
- fewer cars or lower key-handling costs.

Securing the benefit is a decision, not an effect that happens by itself. Write it into the business plan and the budget.

## Adjust or stop

If the benefit does not materialise, find out why. Is it the technology, the routines, the competence, or was the assumption wrong? Adjust, and if it still does not work, stop. Continuing with a solution that delivers nothing costs both money and trust.

## Share what you have learned

Report the results to management, staff and – in a suitable form – clients and relatives. Share them with other municipalities too, for example in regional networks or as a case in Välfärdsnavet. What you have measured may save others a whole trial.

## Input for the next step

The follow-up provides input for the next year: new needs, improved routines, competence needs and input to the municipality's action plan.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'nollmatning-nar',
        kind: 'single',
        prompt: {
          sv: 'När ska nollmätningen göras?',
          en: 'When should the baseline be taken?',
        },
        options: [
          {
            key: 'fore-forandringen',
            correct: true,
            text: { sv: 'Innan förändringen eller testet startar', en: 'Before the change or trial starts' },
            feedback: {
              sv: 'Rätt. Efteråt går utgångsläget sällan att återskapa.',
              en: 'Correct. Afterwards the starting point can rarely be recreated.',
            },
          },
          {
            key: 'efter-tre-manader',
            correct: false,
            text: {
              sv: 'Efter tre månader, när allt har satt sig',
              en: 'After three months, once everything has settled',
            },
            feedback: {
              sv: 'Då mäter ni läget med lösningen, inte utan den. Det blir ingen jämförelse.',
              en: 'Then you are measuring the situation with the solution, not without it. There is no comparison.',
            },
          },
          {
            key: 'vid-slutrapport',
            correct: false,
            text: { sv: 'När slutrapporten skrivs', en: 'When the final report is written' },
            feedback: {
              sv: 'För sent. Nollmätningen är det ni jämför med.',
              en: 'Too late. The baseline is what you compare against.',
            },
          },
        ],
      },
      {
        key: 'bra-indikatorer',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka är användbara indikatorer för nyttan med kameratillsyn på natten? Välj alla som stämmer.',
          en: 'Which are useful indicators for the benefit of night-time camera supervision? Choose all that apply.',
        },
        options: [
          {
            key: 'sover-bra',
            correct: true,
            text: {
              sv: 'Andel personer som uppger att de sover bra',
              en: 'Share of people who say they sleep well',
            },
            feedback: {
              sv: 'Rätt. Det mäter nyttan för personen.',
              en: 'Correct. It measures the benefit for the person.',
            },
          },
          {
            key: 'nattbesok',
            correct: true,
            text: {
              sv: 'Antal fysiska nattbesök och körd sträcka per natt',
              en: 'Number of physical night visits and distance driven per night',
            },
            feedback: {
              sv: 'Rätt. Det mäter tid och resurser.',
              en: 'Correct. It measures time and resources.',
            },
          },
          {
            key: 'antal-kameror',
            correct: false,
            text: { sv: 'Antal installerade kameror', en: 'Number of cameras installed' },
            feedback: {
              sv: 'Nej. Det mäter en aktivitet, inte en nytta.',
              en: 'No. It measures an activity, not a benefit.',
            },
          },
          {
            key: 'avvikelser',
            correct: true,
            text: {
              sv: 'Antal avvikelser kopplade till tillsynen',
              en: 'Number of deviations linked to supervision',
            },
            feedback: {
              sv: 'Rätt. Det visar om kvalitet och säkerhet håller.',
              en: 'Correct. It shows whether quality and safety hold up.',
            },
          },
        ],
      },
      {
        key: 'frigjord-tid',
        kind: 'true_false',
        prompt: {
          sv: 'Tid som frigörs av ny teknik kommer automatiskt verksamheten till godo.',
          en: 'Time freed by new technology automatically benefits the service.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Frigjord tid försvinner om ingen bestämmer vad den ska användas till.',
              en: 'No. Freed time disappears unless someone decides what it is to be used for.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Att ta hem nyttan är ett beslut som ska fattas och följas upp.',
              en: 'Correct. Securing the benefit is a decision that has to be made and followed up.',
            },
          },
        ],
      },
      {
        key: 'nyttoagare',
        kind: 'single',
        prompt: {
          sv: 'Vem är oftast lämplig nyttoägare?',
          en: 'Who is usually a suitable benefit owner?',
        },
        options: [
          {
            key: 'chef-i-linjen',
            correct: true,
            text: {
              sv: 'En chef i linjen som ansvarar för verksamheten',
              en: 'A line manager responsible for the service',
            },
            feedback: {
              sv: 'Rätt. Den som ansvarar för verksamheten kan också besluta hur nyttan ska användas.',
              en: 'Correct. Whoever runs the service can also decide how the benefit is used.',
            },
          },
          {
            key: 'leverantoren',
            correct: false,
            text: { sv: 'Leverantören', en: 'The supplier' },
            feedback: {
              sv: 'Nej. Leverantören kan bidra med data, men kan inte ansvara för att er verksamhet tar hem nyttan.',
              en: 'No. The supplier can contribute data but cannot be responsible for your service securing the benefit.',
            },
          },
          {
            key: 'projektledaren',
            correct: false,
            text: {
              sv: 'Projektledaren, som slutar när projektet är slut',
              en: 'The project manager, who leaves when the project ends',
            },
            feedback: {
              sv: 'Inte på sikt. Nyttan ska tas hem i drift, långt efter att projektet är avslutat.',
              en: 'Not in the long run. The benefit must be secured in operation, long after the project has ended.',
            },
          },
        ],
      },
      {
        key: 'forst-mer-tid',
        kind: 'true_false',
        prompt: {
          sv: 'Det är vanligt att ny teknik först tar mer tid innan den ger nytta.',
          en: 'It is common for new technology to take more time at first before it pays off.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Installation, inlärning och justeringar tar tid. Därför behövs uppföljning vid flera tillfällen.',
              en: 'Correct. Installation, learning and adjustments take time. That is why follow-up at several points is needed.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Att bedöma en lösning efter några veckor kan ge en för dyster bild.',
              en: 'Wrong. Judging a solution after a few weeks can give too bleak a picture.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Välj en lösning vi använder. Vilka nyttor förväntade vi oss, och vet vi i dag om de har uppnåtts?',
      en: 'Choose a solution we use. Which benefits did we expect, and do we know today whether they have been achieved?',
    },
    {
      sv: 'Om en lösning frigör tid hos oss – vad vill medarbetarna och personerna att den används till?',
      en: 'If a solution frees up time here – what do staff and the people we support want it to be used for?',
    },
    {
      sv: 'Vilka tre indikatorer skulle vi kunna mäta redan nu, med data vi redan har?',
      en: 'Which three indicators could we measure right now, with data we already have?',
    },
  ],
};
