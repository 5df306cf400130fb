import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const insiktNulageOchBehov: z.input<typeof ModuleContent> = {
  key: 'insikt-nulage-och-behov',
  title: {
    sv: 'Insikt i dagens verksamhet och behov',
    en: "Insight into today's service and needs",
  },
  summary: {
    sv: 'Hur du gör en nulägesanalys, hur du involverar brukare, anhöriga och medarbetare, och hur du formulerar problemet innan ni väljer lösning.',
    en: 'How to carry out a current-state analysis, how to involve clients, relatives and staff, and how to define the problem before choosing a solution.',
  },
  lessons: [
    {
      key: 'nulagesanalys',
      title: {
        sv: 'Nulägesanalys – hur ser det ut i dag?',
        en: 'Current-state analysis – what does it look like today?',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Varför börja här?

Utan en bild av hur arbetet faktiskt går till i dag går det inte att veta vad en förändring leder till. Nulägesanalysen är också grunden för nollmätningen, nyttoberäkningen och beslutsunderlaget. Den behöver inte vara stor – men den behöver vara sann.

## Vad ska kartläggas?

Välj ett avgränsat område, till exempel *tillsyn på natten i hemtjänstens västra område*, och beskriv:

- **Flödet:** Hur går det till från beslut till utfört besök? Vem gör vad, när och med vilka verktyg? Rita gärna upp det tillsammans med medarbetarna.
- **Volymer:** Hur många personer, besök, larm, resor? Hur lång tid tar det? Hur varierar det över dygnet och veckan?
- **Kvalitet och upplevelse:** Vad säger personerna och de anhöriga? Vad visar klagomål, avvikelser och synpunkter?
- **Arbetsmiljö:** Var uppstår stress, onödiga resor, väntan eller dubbelarbete?
- **Förutsättningar:** Mobiltäckning, uppkoppling hos brukarna, mobiler, behörigheter, support, befintliga avtal.

## Källor

- Verksamhetssystemet och planeringssystemet – beslut, planerad och utförd tid, larmstatistik.
- Avvikelserapporter, klagomål och synpunkter.
- Intervjuer, observationer och enkla enkäter (se nästa lektion).
- Kommunens kartläggning av vilken välfärdsteknik som finns och används, och resultat från nationella uppföljningar som Socialstyrelsens årliga enkät om e-hälsa och välfärdsteknik.
- Självskattningar av digital mognad, till exempel SKR:s verktyg LIKA (ledning, infrastruktur, kompetens, användning).

## Håll det hanterbart

En nulägesanalys som tar ett år blir inaktuell innan den är klar. Sikta på några veckor, använd data som redan finns och komplettera med några dagars observationer. Skriv ner vilka antaganden ni gör – de ska prövas senare.`,
        en: `## Why start here?

Without a picture of how the work is actually done today, you cannot know what a change leads to. The current-state analysis is also the basis for the baseline, the benefit estimate and the decision basis. It does not need to be big – but it needs to be true.

## What should be mapped?

Choose a limited area, for example *night supervision in the western home-care district*, and describe:

- **The flow:** How does it work from decision to completed visit? Who does what, when and with which tools? Draw it together with staff.
- **Volumes:** How many people, visits, alarms, journeys? How long does it take? How does it vary over the day and the week?
- **Quality and experience:** What do clients and relatives say? What do complaints, deviations and feedback show?
- **Work environment:** Where do stress, unnecessary trips, waiting or duplicated work arise?
- **Preconditions:** Mobile coverage, connectivity in clients' homes, phones, access rights, support, existing contracts.

## Sources

- The case management and planning systems – decisions, planned and delivered time, alarm statistics.
- Deviation reports, complaints and feedback.
- Interviews, observations and simple surveys (see the next lesson).
- The municipality's inventory of which welfare technology is available and in use, and results from national follow-ups such as Socialstyrelsen's annual survey on e-health and welfare technology.
- Self-assessments of digital maturity, for example SKR's LIKA tool (leadership, infrastructure, competence, use).

## Keep it manageable

A current-state analysis that takes a year is outdated before it is finished. Aim for a few weeks, use data that already exists and supplement it with a few days of observation. Write down the assumptions you make – they will be tested later.`,
      },
    },
    {
      key: 'involvera',
      title: {
        sv: 'Involvera brukare, anhöriga och medarbetare',
        en: 'Involving clients, relatives and staff',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## De som vet mest

Personerna som får stöd, deras anhöriga och medarbetarna som ger stödet vet saker som inte syns i någon statistik: vad som känns tryggt, vad som stör, var tiden försvinner. Att involvera dem ger bättre lösningar och gör införandet lättare.

## Metoder som fungerar

- **Samtal hemma hos personen**, med några öppna frågor: Hur är dina nätter? Vad skulle göra vardagen lättare? Hur känns det när personalen kommer?
- **Observation:** Följ med på ett kvälls- och ett nattpass. Notera tider, resor, väntan och vad som händer mellan besöken.
- **Workshop med medarbetare:** Rita flödet tillsammans och markera var det skaver. Låt alla komma till tals – även nattpersonal, deltidsanställda och timvikarier.
- **Anhörigträff eller korta telefonsamtal** med anhöriga som vill vara med.
- **Enkla enkäter** i lättläst form, gärna med svarsalternativ i bilder, och översatta vid behov.

## Anpassa för alla

- Personer med kognitiv nedsättning kan ofta bidra med mycket om frågorna är konkreta, samtalet kort och miljön lugn. Visa gärna tekniken i stället för att beskriva den.
- Medarbetare med svenska som andraspråk bidrar lättare muntligt än i en skriftlig enkät. Skapa tillfällen att prata.
- Nattpersonal missar ofta dagtidens möten. Gå till dem.

## Etik i involveringen

Deltagandet ska vara frivilligt, och det ska vara tydligt att svaren inte påverkar personens insatser. Samla inte in mer personuppgifter än ni behöver, och redovisa resultaten så att ingen enskild kan pekas ut.

## Återkoppla

Berätta för dem som har deltagit vad ni har lärt er och vad som händer sedan. Det bygger förtroende inför nästa steg.`,
        en: `## Those who know most

The people receiving support, their relatives and the staff who give the support know things that do not show up in any statistics: what feels safe, what disturbs, where time disappears. Involving them leads to better solutions and makes implementation easier.

## Methods that work

- **Conversations in the person's home**, with a few open questions: What are your nights like? What would make everyday life easier? How does it feel when staff come?
- **Observation:** Join an evening and a night shift. Note times, journeys, waiting and what happens between visits.
- **Staff workshop:** Draw the flow together and mark where it chafes. Let everyone have a say – including night staff, part-timers and hourly substitutes.
- **A relatives' meeting or short phone calls** with relatives who want to take part.
- **Simple surveys** in easy-to-read form, ideally with picture-based answer options, and translated where needed.

## Adapt for everyone

- People with cognitive impairments can often contribute a lot if questions are concrete, the conversation short and the setting calm. Show the technology rather than describing it.
- Staff with Swedish as a second language often contribute more easily orally than in a written survey. Create opportunities to talk.
- Night staff often miss daytime meetings. Go to them.

## Ethics of involvement

Taking part must be voluntary, and it must be clear that answers do not affect the person's services. Do not collect more personal data than you need, and present the results so that no individual can be identified.

## Give feedback

Tell those who took part what you have learned and what happens next. It builds trust for the next step.`,
      },
    },
    {
      key: 'fran-problem-till-behov',
      title: {
        sv: 'Från problem till behov – innan lösningen',
        en: 'From problem to need – before the solution',
      },
      estimatedMinutes: 4,
      body: {
        sv: `## Formulera problemet, inte lösningen

"Vi behöver nattkameror" är en lösning. Problemet kan vara att personer väcks av besök de inte vill ha, att nattpatrullen kör långt mellan besöken, eller att tillsynen inte ger den trygghet personerna behöver. Olika problem kan ha olika lösningar – och ibland är lösningen inte teknik alls, utan en ändrad rutin, planering eller organisation.

En användbar mall:

> **För** (vilka personer eller medarbetare) **är** (vilket problem) **ett problem, eftersom** (vilka konsekvenser). **Vi vet det genom** (vilka iakttagelser eller data).

Exempel: *För personer med tillsyn på natten i västra området är störda nätter ett problem, eftersom flera uppger att de sover sämre och är tröttare på dagen. Vi vet det genom hembesök med tolv personer och medarbetarnas observationer under två veckor.*

## Prioritera

Ni kommer att hitta fler problem än ni kan lösa. Värdera dem efter:

- hur mycket det betyder för personerna,
- hur många som berörs,
- hur stor effekt en förändring kan få,
- hur genomförbart det är med de resurser ni har.

## Är teknik svaret?

Fråga ärligt: löser en teknisk lösning problemet, eller flyttar den det? Finns det teknik som andra kommuner redan har prövat för samma problem? Erfarenheter från andra – till exempel via regionala nätverk, SKR:s modellkommuner och delade erfarenheter i Välfärdsnavet – kan spara mycket tid.

## Resultatet av insiktsfasen

När fasen är klar har ni: en beskrivning av nuläget, ett formulerat och prioriterat problem, en första idé om vad som ska mätas, och en lista över antaganden att pröva. Det är underlaget för nästa steg: att testa.`,
        en: `## Define the problem, not the solution

"We need night cameras" is a solution. The problem might be that people are woken by visits they do not want, that the night team drives long distances between visits, or that supervision does not give people the sense of safety they need. Different problems can have different solutions – and sometimes the solution is not technology at all, but a changed routine, schedule or organisation.

A useful template:

> **For** (which clients or staff) **,** (which problem) **is a problem, because** (which consequences). **We know this from** (which observations or data).

Example: *For people with night supervision in the western district, disturbed nights are a problem, because several say they sleep worse and are more tired during the day. We know this from home visits with twelve people and staff observations over two weeks.*

## Prioritise

You will find more problems than you can solve. Weigh them by:

- how much it matters to the people concerned,
- how many are affected,
- how great an effect a change could have,
- how feasible it is with the resources you have.

## Is technology the answer?

Ask honestly: does a technical solution solve the problem, or move it? Is there technology other municipalities have already tried for the same problem? Experience from others – for example through regional networks, SKR's model municipalities and shared cases in Välfärdsnavet – can save a lot of time.

## The outcome of the insight phase

When the phase is complete you have: a description of the current state, a defined and prioritised problem, a first idea of what to measure, and a list of assumptions to test. That is the basis for the next step: trying out.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'problem-eller-losning',
        kind: 'single',
        prompt: {
          sv: 'Vilken formulering beskriver ett problem snarare än en lösning?',
          en: 'Which statement describes a problem rather than a solution?',
        },
        options: [
          {
            key: 'kameror',
            correct: false,
            text: { sv: 'Vi behöver nattkameror i hemtjänsten.', en: 'We need night cameras in home care.' },
            feedback: {
              sv: 'Det är en lösning. Vilket problem ska kamerorna lösa, och för vem?',
              en: 'That is a solution. Which problem are the cameras meant to solve, and for whom?',
            },
          },
          {
            key: 'storda-natter',
            correct: true,
            text: {
              sv: 'Flera personer med nattillsyn uppger att de sover sämre eftersom de väcks av besöken.',
              en: 'Several people with night supervision say they sleep worse because they are woken by the visits.',
            },
            feedback: {
              sv: 'Rätt. Problemet är formulerat utifrån personerna och bygger på vad de själva säger.',
              en: 'Correct. The problem is framed from the people concerned and based on what they say.',
            },
          },
          {
            key: 'digitalisera',
            correct: false,
            text: { sv: 'Vi måste digitalisera nattarbetet.', en: 'We must digitalise night work.' },
            feedback: {
              sv: 'Det är en riktning, inte ett problem. Det säger inte vad som ska bli bättre.',
              en: 'That is a direction, not a problem. It does not say what should improve.',
            },
          },
        ],
      },
      {
        key: 'kallor',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka källor är användbara i en nulägesanalys? Välj alla som stämmer.',
          en: 'Which sources are useful in a current-state analysis? Choose all that apply.',
        },
        options: [
          {
            key: 'planeringssystem',
            correct: true,
            text: {
              sv: 'Planerad och utförd tid i planeringssystemet',
              en: 'Planned and delivered time in the planning system',
            },
            feedback: {
              sv: 'Rätt. Befintliga data är ett bra och billigt underlag.',
              en: 'Correct. Existing data is a good and cheap basis.',
            },
          },
          {
            key: 'avvikelser',
            correct: true,
            text: { sv: 'Avvikelser och klagomål', en: 'Deviations and complaints' },
            feedback: {
              sv: 'Rätt. De visar var kvaliteten brister.',
              en: 'Correct. They show where quality falls short.',
            },
          },
          {
            key: 'observation',
            correct: true,
            text: { sv: 'Observation under ett nattpass', en: 'Observation during a night shift' },
            feedback: {
              sv: 'Rätt. Observation visar det som inte syns i systemen.',
              en: 'Correct. Observation shows what the systems do not.',
            },
          },
          {
            key: 'leverantorsbroschyr',
            correct: false,
            text: {
              sv: 'Leverantörens broschyr om tidsbesparingar',
              en: "A supplier's brochure on time savings",
            },
            feedback: {
              sv: 'Nej. Den beskriver en produkt, inte er verksamhet. Leverantörens siffror kan vara ett antagande att pröva – inte ett nuläge.',
              en: "No. It describes a product, not your service. A supplier's figures may be an assumption to test – not a current state.",
            },
          },
        ],
      },
      {
        key: 'nattpersonal',
        kind: 'single',
        prompt: {
          sv: 'Nattpersonalen kommer sällan på dagtidens workshops. Vad är bäst?',
          en: 'Night staff rarely attend daytime workshops. What is best?',
        },
        options: [
          {
            key: 'ga-till-dem',
            correct: true,
            text: {
              sv: 'Gå till dem – till exempel ett samtal vid passbytet eller en kort träff under natten.',
              en: 'Go to them – for example a talk at shift change or a short meeting during the night.',
            },
            feedback: {
              sv: 'Rätt. De vet mest om natten, och deras delaktighet avgör om en nattlösning fungerar.',
              en: 'Correct. They know most about the night, and their involvement decides whether a night solution works.',
            },
          },
          {
            key: 'skicka-protokoll',
            correct: false,
            text: { sv: 'Skicka protokollet till dem efteråt.', en: 'Send them the minutes afterwards.' },
            feedback: {
              sv: 'Information är bra, men det är inte delaktighet. Deras kunskap kommer inte med.',
              en: 'Information is good, but it is not involvement. Their knowledge is left out.',
            },
          },
          {
            key: 'dagpersonal-racker',
            correct: false,
            text: { sv: 'Det räcker med dagpersonalens bild.', en: "The day staff's view is enough." },
            feedback: {
              sv: 'Nej. Dag och natt är olika verksamheter med olika problem.',
              en: 'No. Day and night are different services with different problems.',
            },
          },
        ],
      },
      {
        key: 'frivilligt-deltagande',
        kind: 'true_false',
        prompt: {
          sv: 'Brukare som deltar i en intervju om sina nätter behöver få veta att deltagandet är frivilligt och inte påverkar deras insatser.',
          en: 'Clients taking part in an interview about their nights need to be told that taking part is voluntary and does not affect their services.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Annars kan personen känna sig tvungen att delta eller svara på ett visst sätt.',
              en: 'Correct. Otherwise the person may feel obliged to take part or to answer in a certain way.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Frivillighet och tydlighet är grunden för etisk involvering.',
              en: 'Wrong. Voluntariness and clarity are the basis of ethical involvement.',
            },
          },
        ],
      },
      {
        key: 'teknik-inte-svaret',
        kind: 'true_false',
        prompt: {
          sv: 'En nulägesanalys kan visa att problemet bäst löses med en ändrad rutin eller planering i stället för ny teknik.',
          en: 'A current-state analysis may show that the problem is best solved by a changed routine or schedule rather than new technology.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Det är ett bra resultat – ni har sparat pengar och löst problemet.',
              en: 'Correct. That is a good outcome – you have saved money and solved the problem.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Syftet är att lösa problemet, inte att införa teknik till varje pris.',
              en: 'Wrong. The aim is to solve the problem, not to introduce technology at any cost.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Vilket område i vår verksamhet skulle vi vinna mest på att kartlägga, och vilka data har vi redan?',
      en: 'Which area of our service would we gain most from mapping, and what data do we already have?',
    },
    {
      sv: 'Vilka röster hörs sällan hos oss – brukare, anhöriga, nattpersonal, vikarier? Hur når vi dem?',
      en: 'Whose voices are rarely heard here – clients, relatives, night staff, substitutes? How do we reach them?',
    },
    {
      sv: 'Formulera ett problem hos oss med mallen "För … är … ett problem, eftersom … Vi vet det genom …". Vad saknar vi för att kunna fylla i den?',
      en: 'Formulate a problem we have using the template "For …, … is a problem, because … We know this from …". What are we missing to fill it in?',
    },
  ],
};
