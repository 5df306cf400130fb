import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const testaOchInfora: z.input<typeof ModuleContent> = {
  key: 'testa-och-infora',
  title: { sv: 'Testa och införa', en: 'Trying out and implementing' },
  summary: {
    sv: 'Vad ett beslutsunderlag ska innehålla – nulägesanalys, nyttoberäkning, genomförbarhet och risker, informationssäkerhet och konsekvensbedömning – hur du gör ett test som ger svar, och hur en lösning går från test till vardag.',
    en: 'What a decision basis must contain – current-state analysis, benefit estimate, feasibility and risks, information security and data protection impact assessment – how to run a trial that gives answers, and how a solution moves from trial to everyday operation.',
  },
  lessons: [
    {
      key: 'beslutsunderlag',
      title: { sv: 'Beslutsunderlaget', en: 'The decision basis' },
      estimatedMinutes: 5,
      body: {
        sv: `Innan en lösning testas i större skala eller införs behöver den som beslutar ett underlag. Det skyddar personerna, medarbetarna och kommunen – och det gör det lättare att säga nej till det som inte håller.

## 1. Nulägesanalys

Vad är problemet, för vem, och hur ser det ut i dag? (Se modulen om insikt.)

## 2. Nyttoberäkning

- Vilka nyttor förväntas – för personen, för medarbetarna, för verksamheten och ekonomin?
- Vilka **kostnader** tillkommer – inte bara utrustning och licenser, utan också installation, utbildning, tid för support, larmhantering, utbyte av utrustning och avveckling?
- Vilka **antaganden** bygger beräkningen på, och hur säkra är de?
- Finns det negativa effekter, till exempel nya arbetsuppgifter eller risk för minskad kontakt?

## 3. Genomförbarhet och risker

Räcker mobiltäckning och uppkoppling hos brukarna? Finns mobiler, behörigheter och support dygnet runt? Hur beroende blir ni av en leverantör? Vad händer om tekniken slutar fungera – vilken reservrutin finns? Vilka risker finns för patientsäkerhet och arbetsmiljö?

## 4. Informationssäkerhet

Klassa informationen som hanteras och gör en riskanalys tillsammans med informationssäkerhetsansvarig: vem kommer åt vad, hur skyddas inloggning och överföring, hur loggas åtkomst, var lagras uppgifterna och hur säker är leverantören?

## 5. Dataskydd och konsekvensbedömning

Enligt dataskyddsförordningen ska en **konsekvensbedömning avseende dataskydd** göras när en behandling sannolikt leder till hög risk för de registrerades fri- och rättigheter. Tillsyn med kamera och positionering av äldre personer innebär ofta flera riskfaktorer på en gång – känsliga uppgifter, personer i beroendeställning, övervakning och ny teknik – så räkna med att en konsekvensbedömning behövs. Ta hjälp av dataskyddsombudet. Se också till att det finns ett **personuppgiftsbiträdesavtal** med leverantören, och ta reda på om uppgifter hamnar utanför EU/EES.

## 6. Juridik, ansvar och upphandling

Hur ser rutinerna för samtycke och dokumentation ut? Vilken del regleras av socialtjänstlagen och vilken av hälso- och sjukvårdslagen? Är produkten en medicinteknisk produkt – i så fall gäller särskilda krav, och MAS behöver vara med. Om något ska köpas: följ upphandlingsreglerna och undersök om det finns ramavtal att avropa från.`,
        en: `Before a solution is tried at larger scale or implemented, the decision maker needs a basis. It protects the people concerned, the staff and the municipality – and it makes it easier to say no to what does not hold up.

## 1. Current-state analysis

What is the problem, for whom, and what does it look like today? (See the module on insight.)

## 2. Benefit estimate

- Which benefits are expected – for the person, for staff, for the service and finances?
- Which **costs** arise – not just equipment and licences, but also installation, training, support time, alarm handling, equipment replacement and decommissioning?
- Which **assumptions** is the estimate based on, and how certain are they?
- Are there negative effects, such as new tasks or a risk of reduced contact?

## 3. Feasibility and risks

Are mobile coverage and connectivity in clients' homes sufficient? Are there phones, access rights and round-the-clock support? How dependent will you become on one supplier? What happens if the technology stops working – which backup routine exists? What are the risks to patient safety and the work environment?

## 4. Information security

Classify the information to be handled and carry out a risk analysis with the information security officer: who can access what, how are login and transmission protected, how is access logged, where is the data stored and how secure is the supplier?

## 5. Data protection and impact assessment

Under the GDPR, a **data protection impact assessment** (DPIA) must be carried out when processing is likely to result in a high risk to the rights and freedoms of the people concerned. Camera supervision and location tracking of older people often involve several risk factors at once – sensitive data, people in a dependent position, monitoring and new technology – so expect a DPIA to be needed. Get help from the data protection officer. Also make sure there is a **data processing agreement** with the supplier, and find out whether data ends up outside the EU/EEA.

## 6. Law, responsibility and procurement

What do the routines for consent and documentation look like? Which part is governed by the Social Services Act and which by the Health and Medical Services Act? Is the product a medical device – if so, special requirements apply and the medically responsible nurse (MAS) needs to be involved. If something is to be bought, follow the procurement rules and check whether there are framework agreements to call off from.`,
      },
    },
    {
      key: 'testa-med-ett-syfte',
      title: { sv: 'Ett test som ger svar', en: 'A trial that gives answers' },
      estimatedMinutes: 4,
      body: {
        sv: `## Testa för att lära

Ett test – ofta kallat pilot – ska besvara en fråga: *Fungerar den här lösningen för det här problemet, hos oss?* Ett test som inte har en fråga ger sällan ett svar.

## Planera testet

- **Frågan och målet:** Vad vill ni veta? Vilka effekter ska synas?
- **Avgränsning:** Vilka personer, vilken enhet, hur länge? Tillräckligt stort för att ge svar, tillräckligt litet för att kunna backa.
- **Nollmätning:** Mät utgångsläget innan testet startar – annars går det inte att jämföra.
- **Kriterier i förväg:** Bestäm innan ni börjar vad som krävs för att gå vidare, justera eller avbryta.
- **Rutiner och utbildning:** Även ett test kräver rutiner för samtycke, dokumentation, larm och fel – och att alla som berörs kan dem, även vikarier och nattpersonal.
- **Support:** Vem svarar när något krånglar klockan tre på natten?

## Under testet

Följ upp ofta och kort, till exempel en gång i veckan med de medarbetare som använder lösningen. Dokumentera avvikelser och justeringar. Lyssna på personerna: ett test får aldrig bli ett sätt att pressa någon att tacka ja.

## Efter testet

Utvärdera mot kriterierna och fatta ett beslut: **införa**, **justera och testa igen**, eller **avsluta**. Att avsluta är ett fullgott resultat om ni har lärt er något. Glöm inte personerna som deltog: vad händer med deras stöd när testet tar slut?

## Undvik den eviga piloten

Många kommuner har tester som aldrig blir något annat än tester. Tecknen är att det saknas beslut om vad som ska hända efteråt, att finansieringen bara gäller projekttiden och att ingen i linjen äger frågan. Planera för slutet redan från början.`,
        en: `## Trial in order to learn

A trial – often called a pilot – should answer a question: *Does this solution work for this problem, here?* A trial without a question rarely gives an answer.

## Plan the trial

- **The question and the goal:** What do you want to know? Which effects should be visible?
- **Scope:** Which people, which unit, for how long? Large enough to give answers, small enough to be able to back out.
- **Baseline:** Measure the starting point before the trial begins – otherwise you cannot compare.
- **Criteria in advance:** Decide before you start what is needed to go ahead, adjust or stop.
- **Routines and training:** Even a trial needs routines for consent, documentation, alarms and faults – and everyone affected must know them, including substitutes and night staff.
- **Support:** Who answers when something goes wrong at three in the morning?

## During the trial

Follow up often and briefly, for example weekly with the staff using the solution. Document deviations and adjustments. Listen to the people concerned: a trial must never become a way of pressuring someone into saying yes.

## After the trial

Evaluate against the criteria and decide: **implement**, **adjust and try again**, or **stop**. Stopping is a perfectly good outcome if you have learned something. Do not forget the people who took part: what happens to their support when the trial ends?

## Avoid the everlasting pilot

Many municipalities have trials that never become anything but trials. The signs are that there is no decision about what happens afterwards, that funding only covers the project period, and that nobody in the line organisation owns the issue. Plan for the end from the very beginning.`,
      },
    },
    {
      key: 'fran-test-till-vardag',
      title: { sv: 'Från test till vardag', en: 'From trial to everyday operation' },
      estimatedMinutes: 4,
      body: {
        sv: `När beslutet att införa är fattat börjar den svåraste delen: att göra det nya till det normala. Använd listan som stöd.

## Organisation och ansvar

- **Ägare i linjen:** Vem ansvarar för lösningen när projektet är slut – för drift, förvaltning, avtal och utveckling?
- **Roller:** Vem installerar, vem tar emot larm, vem felanmäler, vem utbildar nya medarbetare?
- **Samverkan:** Hur samarbetar bistånd, utförare, hälso- och sjukvård, IT och leverantör? Finns kontaktvägar som fungerar dygnet runt?

## Processen runt personen

- Känner biståndshandläggarna till lösningen och erbjuder den där den passar?
- Finns information till personer och anhöriga, även i lättläst form och på andra språk?
- Finns rutiner för samtycke, installation, introduktion, uppföljning och avslut?

## Rutiner för vardagen

- Rutin för användning, kontroll och laddning.
- **Reservrutin** när tekniken inte fungerar – det viktigaste dokumentet av alla.
- Rutin för avvikelser och incidenter.

## Kompetens

Alla som använder lösningen behöver utbildning innan de använder den – även vikarier, timanställda och nattpersonal. Lägg in lösningen i introduktionen av nyanställda. (Mer i modulen om kompetensutveckling.)

## Ekonomi

Är kostnaden med i den ordinarie budgeten? Projektmedel och stimulansmedel tar slut; driften fortsätter.

## Kommunikation

Berätta vad som har beslutats och varför, vad det innebär för var och en, och var man kan få hjälp. Förändringen syns först i vardagen – följ upp tätt de första månaderna.`,
        en: `Once the decision to implement has been made, the hardest part begins: making the new thing normal. Use the list as support.

## Organisation and responsibility

- **An owner in the line organisation:** Who is responsible for the solution when the project ends – for operation, management, contracts and development?
- **Roles:** Who installs, who receives alarms, who reports faults, who trains new staff?
- **Collaboration:** How do needs assessment, provider, health care, IT and supplier work together? Are there contact routes that work round the clock?

## The process around the person

- Do the needs assessors know the solution and offer it where it fits?
- Is there information for clients and relatives, also in easy-to-read form and in other languages?
- Are there routines for consent, installation, introduction, follow-up and ending?

## Everyday routines

- A routine for use, checks and charging.
- A **backup routine** for when the technology fails – the most important document of all.
- A routine for deviations and incidents.

## Competence

Everyone who uses the solution needs training before they use it – including substitutes, hourly staff and night staff. Include the solution in the induction of new staff. (More in the module on competence development.)

## Finances

Is the cost in the ordinary budget? Project money and stimulus funds run out; operation continues.

## Communication

Explain what has been decided and why, what it means for each person, and where to get help. The change only becomes visible in everyday work – follow up closely in the first months.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'beslutsunderlagets-delar',
        kind: 'multiple',
        prompt: {
          sv: 'Vad ska ingå i beslutsunderlaget innan en lösning införs? Välj alla som stämmer.',
          en: 'What should be included in the decision basis before a solution is implemented? Choose all that apply.',
        },
        options: [
          {
            key: 'nulage',
            correct: true,
            text: { sv: 'Nulägesanalys', en: 'Current-state analysis' },
            feedback: {
              sv: 'Rätt. Utan den vet ni inte vad lösningen ska förbättra.',
              en: 'Correct. Without it you do not know what the solution should improve.',
            },
          },
          {
            key: 'nyttoberakning',
            correct: true,
            text: {
              sv: 'Nyttoberäkning med kostnader och antaganden',
              en: 'Benefit estimate with costs and assumptions',
            },
            feedback: {
              sv: 'Rätt. Den visar om det är värt det – och vilka antaganden som måste prövas.',
              en: 'Correct. It shows whether it is worth it – and which assumptions must be tested.',
            },
          },
          {
            key: 'infosak-och-dpia',
            correct: true,
            text: {
              sv: 'Informationssäkerhetsanalys och konsekvensbedömning avseende dataskydd',
              en: 'Information security analysis and data protection impact assessment',
            },
            feedback: {
              sv: 'Rätt. Särskilt viktigt för kamera- och positionstjänster.',
              en: 'Correct. Especially important for camera and location services.',
            },
          },
          {
            key: 'genomforbarhet',
            correct: true,
            text: { sv: 'Genomförbarhet och risker', en: 'Feasibility and risks' },
            feedback: {
              sv: 'Rätt. Täckning, support, reservrutiner och leverantörsberoende avgör om det fungerar i praktiken.',
              en: 'Correct. Coverage, support, backup routines and supplier dependence decide whether it works in practice.',
            },
          },
          {
            key: 'pressmeddelande',
            correct: false,
            text: { sv: 'Ett färdigt pressmeddelande', en: 'A finished press release' },
            feedback: {
              sv: 'Nej. Kommunikation är viktig, men den hör inte till underlaget för beslutet.',
              en: 'No. Communication matters, but it is not part of the basis for the decision.',
            },
          },
        ],
      },
      {
        key: 'dpia-kamera',
        kind: 'true_false',
        prompt: {
          sv: 'För kameratillsyn på natten i hemtjänsten behöver ni i regel räkna med att en konsekvensbedömning avseende dataskydd krävs.',
          en: 'For night-time camera supervision in home care, you should generally expect a data protection impact assessment to be required.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Känsliga uppgifter, personer i beroendeställning, övervakning och ny teknik pekar på hög risk. Ta hjälp av dataskyddsombudet.',
              en: 'Correct. Sensitive data, people in a dependent position, monitoring and new technology indicate high risk. Involve the data protection officer.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Flera riskfaktorer sammanfaller, så en konsekvensbedömning behövs nästan alltid.',
              en: 'Wrong. Several risk factors coincide, so a DPIA is almost always needed.',
            },
          },
        ],
      },
      {
        key: 'kriterier-i-forvag',
        kind: 'single',
        prompt: {
          sv: 'När ska ni bestämma vad som krävs för att ett test ska leda till införande?',
          en: 'When should you decide what is needed for a trial to lead to implementation?',
        },
        options: [
          {
            key: 'fore',
            correct: true,
            text: { sv: 'Innan testet startar', en: 'Before the trial starts' },
            feedback: {
              sv: 'Rätt. Då blir utvärderingen ärlig och beslutet lättare.',
              en: 'Correct. That keeps the evaluation honest and the decision easier.',
            },
          },
          {
            key: 'efter',
            correct: false,
            text: {
              sv: 'När testet är klart och resultaten finns',
              en: 'When the trial is over and results are in',
            },
            feedback: {
              sv: 'Då är risken stor att kriterierna anpassas efter resultaten.',
              en: 'Then the risk is high that the criteria are adjusted to fit the results.',
            },
          },
          {
            key: 'aldrig',
            correct: false,
            text: {
              sv: 'Det behövs inte – testet visar själv om det fungerar',
              en: 'It is not needed – the trial shows by itself whether it works',
            },
            feedback: {
              sv: 'Nej. Utan kriterier blir det tyckande, och testet riskerar att bli en evig pilot.',
              en: 'No. Without criteria it becomes a matter of opinion, and the trial risks becoming an everlasting pilot.',
            },
          },
        ],
      },
      {
        key: 'avsluta-test',
        kind: 'true_false',
        prompt: {
          sv: 'Ett test som avslutas utan att lösningen införs är ett misslyckande.',
          en: 'A trial that ends without the solution being implemented is a failure.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Om testet har besvarat sin fråga har det gjort sitt jobb – och ni har undvikit en dålig investering.',
              en: 'No. If the trial answered its question it has done its job – and you have avoided a bad investment.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Att avsluta är ett fullgott resultat. Tänk bara på personerna som deltog.',
              en: 'Correct. Stopping is a perfectly good outcome. Just think of the people who took part.',
            },
          },
        ],
      },
      {
        key: 'viktigaste-rutinen',
        kind: 'single',
        prompt: {
          sv: 'Vilken rutin är viktigast att ha på plats innan en trygghetsskapande teknik tas i drift?',
          en: 'Which routine is most important to have in place before a safety technology goes into operation?',
        },
        options: [
          {
            key: 'reservrutin',
            correct: true,
            text: {
              sv: 'Reservrutinen för när tekniken inte fungerar',
              en: 'The backup routine for when the technology fails',
            },
            feedback: {
              sv: 'Rätt. Personens säkerhet får aldrig hänga på att tekniken alltid fungerar.',
              en: "Correct. The person's safety must never depend on the technology always working.",
            },
          },
          {
            key: 'bestallning',
            correct: false,
            text: {
              sv: 'Rutinen för beställning av nya enheter',
              en: 'The routine for ordering new devices',
            },
            feedback: {
              sv: 'Den behövs, men den skyddar inte personen när något går fel.',
              en: 'It is needed, but it does not protect the person when something goes wrong.',
            },
          },
          {
            key: 'marknadsforing',
            correct: false,
            text: {
              sv: 'Rutinen för att informera lokalpressen',
              en: 'The routine for informing the local press',
            },
            feedback: {
              sv: 'Nej. Kommunikation är bra, men säkerheten kommer först.',
              en: 'No. Communication is good, but safety comes first.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Titta på ett test eller införande ni har gjort. Vilka delar av beslutsunderlaget fanns, och vilka saknades?',
      en: 'Look at a trial or implementation you have carried out. Which parts of the decision basis were in place, and which were missing?',
    },
    {
      sv: 'Har vi någon "evig pilot"? Vad skulle krävas för att fatta beslut om att införa eller avsluta?',
      en: 'Do we have an "everlasting pilot"? What would it take to decide to implement or to stop?',
    },
    {
      sv: 'Finns det en reservrutin för varje teknik vi använder, och vet alla – även vikarier och nattpersonal – var den finns?',
      en: 'Is there a backup routine for every technology we use, and does everyone – including substitutes and night staff – know where to find it?',
    },
  ],
};
