import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const forankringOchMal: z.input<typeof ModuleContent> = {
  key: 'forankring-och-mal',
  title: { sv: 'Förankring och mål', en: 'Anchoring and goals' },
  summary: {
    sv: 'Varför välfärdsteknik hör hemma i det vanliga utvecklingsarbetet, vilka som behöver vara med från början och hur du formulerar mål som går att följa upp.',
    en: 'Why welfare technology belongs in ordinary development work, who needs to be involved from the start, and how to set goals that can be followed up.',
  },
  lessons: [
    {
      key: 'varfor-och-for-vem',
      title: { sv: 'Varför – och för vem?', en: 'Why – and for whom?' },
      estimatedMinutes: 4,
      body: {
        sv: `## Börja i verksamhetens uppdrag

Välfärdsteknik är inget mål i sig. Den är ett sätt att nå det som verksamheten redan ska åstadkomma: att personer får stöd som stärker deras trygghet, självständighet och delaktighet, att personalen har ett hållbart arbete och att resurserna räcker. Som enhetschef är din första uppgift att koppla tekniken till **era** mål – inte tvärtom.

Ställ tre frågor innan något annat:

1. **Vilket problem eller behov** ska lösas, och för vem?
2. **Hur hänger det ihop** med kommunens mål, strategi eller handlingsplan för digitalisering och äldreomsorg?
3. **Vad händer om vi inte gör något?** Demografin, kompetensförsörjningen och förväntningarna hos nya generationer äldre förändras oavsett.

## En del av det ordinarie arbetet

Erfarenheten från många kommuner är att välfärdsteknik fungerar bäst när den hanteras i de vanliga strukturerna för kvalitet, verksamhetsplanering och kompetensutveckling – inte som ett sidoprojekt som lever så länge en eldsjäl orkar. Det betyder att tekniken ska synas i verksamhetsplanen, budgeten, rutinerna och introduktionen av nyanställda.

## Fyra förutsättningar att pröva

Kommuner som har svårt att komma vidare brukar ha brister i en eller flera av fyra förutsättningar. Använd dem som en enkel självskattning för din egen enhet:

- **Styrning:** Finns det tydliga mål, beslut och en ägare? Vet du vad förvaltningen förväntar sig?
- **Resurser:** Finns tid, pengar och teknisk infrastruktur – uppkoppling, mobiler, support?
- **Kompetens:** Kan medarbetarna, och du själv, det som krävs? Finns någon att fråga?
- **Organisering:** Är ansvaret fördelat – mellan bistånd, utförare, hälso- och sjukvård, IT och leverantör?

Det som saknas här är ofta viktigare att lösa än valet av produkt.`,
        en: `## Start with the service's mission

Welfare technology is not a goal in itself. It is a way of achieving what the service is already meant to achieve: that people receive support that strengthens their safety, independence and participation, that staff have sustainable work, and that resources go far enough. As a unit manager, your first task is to connect the technology to **your** goals – not the other way round.

Ask three questions before anything else:

1. **Which problem or need** is to be solved, and for whom?
2. **How does it connect** to the municipality's goals, strategy or action plan for digitalisation and elder care?
3. **What happens if we do nothing?** Demographics, staffing and the expectations of new generations of older people are changing regardless.

## Part of ordinary work

Experience from many municipalities is that welfare technology works best when it is handled within the normal structures for quality, business planning and competence development – not as a side project that lives only as long as an enthusiast keeps going. That means the technology should be visible in the business plan, the budget, the routines and the induction of new staff.

## Four conditions to test

Municipalities that struggle to make progress usually have gaps in one or more of four conditions. Use them as a simple self-assessment for your own unit:

- **Governance:** Are there clear goals, decisions and an owner? Do you know what the administration expects?
- **Resources:** Is there time, money and technical infrastructure – connectivity, phones, support?
- **Competence:** Do staff, and you yourself, know what is needed? Is there someone to ask?
- **Organisation:** Is responsibility divided – between needs assessment, provider, health care, IT and supplier?

What is missing here is often more important to solve than the choice of product.`,
      },
    },
    {
      key: 'forankring',
      title: { sv: 'Förankring – vilka behöver vara med?', en: 'Anchoring – who needs to be involved?' },
      estimatedMinutes: 4,
      body: {
        sv: `Förankring betyder att de som påverkas förstår varför förändringen görs, har fått vara med och forma den och vet vad den innebär för dem. Det tar tid i början – och sparar mycket tid senare.

## Uppåt och åt sidan

- **Din chef och förvaltningsledningen:** Är införandet förenligt med kommunens strategi och budget? Vem fattar beslut om vad?
- **Biståndshandläggarna:** De behöver känna till tekniken för att kunna utreda och besluta om den. Utan dem kommer inga nya användare.
- **Hälso- och sjukvården:** Medicinskt ansvarig sjuksköterska (MAS) och sjuksköterskor behöver vara med när tekniken rör läkemedel, hjälpmedel eller patientsäkerhet.
- **IT, informationssäkerhet och dataskyddsombud:** De behövs tidigt, inte när avtalet redan är klart.
- **Upphandling:** Om något ska köpas – ta kontakt innan ni har bestämt er för en produkt.

## Medarbetarna

Medarbetarna är de som ska få tekniken att fungera varje dag. Involvera dem i problemformuleringen och testet, inte bara i utbildningen. Några saker är dessutom krav:

- Inför en viktigare förändring av verksamheten ska arbetsgivaren **förhandla** med de fackliga organisationerna enligt medbestämmandelagen (MBL).
- Arbetsmiljöreglerna kräver att **risker bedöms** inför förändringar. Involvera skyddsombudet.

Oro är information. "Kameran ska ersätta oss" eller "jag klarar inte tekniken" är signaler om vad du behöver förklara, öva eller ändra.

## Brukare och anhöriga

Berätta tidigt och på ett begripligt sätt – i lättläst form och på andra språk vid behov – vad som förändras, vad som är frivilligt och vem man kan fråga. Anhörigas stöd kan vara avgörande, men kom ihåg att det är personen själv som bestämmer.

## Ett budskap som håller

Formulera på några meningar varför ni gör detta, vad det ska leda till för personerna och vad det innebär för medarbetarna. Använd samma budskap i alla sammanhang.`,
        en: `Anchoring means that those affected understand why the change is being made, have helped shape it and know what it means for them. It takes time at the start – and saves a lot of time later.

## Upwards and sideways

- **Your own manager and the administration's leadership:** Is the change consistent with the municipality's strategy and budget? Who decides what?
- **The needs assessors:** They need to know the technology to be able to assess and decide on it. Without them, no new users will come.
- **Health care:** The medically responsible nurse (MAS) and nurses need to be involved when the technology concerns medication, assistive devices or patient safety.
- **IT, information security and the data protection officer:** They are needed early, not when the contract is already signed.
- **Procurement:** If something is to be bought, get in touch before you have settled on a product.

## Staff

Staff are the ones who will make the technology work every day. Involve them in defining the problem and in the trial, not just in the training. Some things are also requirements:

- Before a major change in operations, the employer must **negotiate** with the trade unions under the Co-determination Act (MBL).
- Work environment rules require **risks to be assessed** before changes. Involve the safety representative.

Worry is information. "The camera will replace us" or "I can't handle the technology" are signals about what you need to explain, practise or change.

## Clients and relatives

Tell them early and in an understandable way – in easy-to-read form and in other languages where needed – what will change, what is voluntary and whom to ask. Relatives' support can be decisive, but remember that it is the person who decides.

## A message that holds

Put into a few sentences why you are doing this, what it should lead to for the people you support and what it means for staff. Use the same message everywhere.`,
      },
    },
    {
      key: 'mal-som-gar-att-folja-upp',
      title: { sv: 'Mål som går att följa upp', en: 'Goals that can be followed up' },
      estimatedMinutes: 4,
      body: {
        sv: `## Från vision till mål

En vision ger riktning – "alla ska ha tillgång till den välfärdsteknik de behöver". Men för att veta om ni är på väg behövs mål som går att följa upp. Ett bra mål beskriver **en effekt** för någon, inte en aktivitet.

- **Aktivitetsmål:** Installera 30 nattkameror under året.
  - **Effektmål:** Färre personer med nattillsyn väcks av besök; fler uppger att de sover bra.
- **Aktivitetsmål:** Alla medarbetare har gått utbildningen.
  - **Effektmål:** Medarbetarna känner sig trygga med tekniken och kan hantera fel enligt rutin.
- **Aktivitetsmål:** Digitala lås i hela hemtjänsten.
  - **Effektmål:** Inga nycklar hanteras i hemtjänsten; tid för nyckelhämtning används till brukarnära arbete.

Aktiviteter behövs också – i projektplanen. Men det är effekterna ni ska följa upp och redovisa.

## Tre perspektiv

Formulera gärna mål i tre perspektiv:

- **Personen:** trygghet, självständighet, delaktighet, sömn, möjlighet att bo kvar hemma.
- **Medarbetarna:** arbetsmiljö, tid för det som kräver närvaro, färre onödiga resor.
- **Verksamheten och ekonomin:** kapacitet att möta ökande behov, undvikna kostnader, kvalitet.

## Gör målen mätbara

För varje mål: vad mäter vi, hur, hur ofta, vad är utgångsläget och vad vill vi nå – och när? Om ni inte vet utgångsläget, är det första steget att ta reda på det. Det kommer du att arbeta vidare med i modulen om nyttorealisering.

## Skriv ner och besluta

Målen ska vara beslutade av den som har mandat, kända av medarbetarna och inskrivna i verksamhetsplanen. Då går det att följa upp dem – och att stå emot när något annat vill tränga undan arbetet.`,
        en: `## From vision to goals

A vision gives direction – "everyone should have access to the welfare technology they need". But to know whether you are on track you need goals that can be followed up. A good goal describes **an effect** for someone, not an activity.

- **Activity goal:** Install 30 night cameras during the year.
  - **Effect goal:** Fewer people with night supervision are woken by visits; more say they sleep well.
- **Activity goal:** All staff have completed the training.
  - **Effect goal:** Staff feel confident with the technology and can handle faults according to the routine.
- **Activity goal:** Digital locks across home care.
  - **Effect goal:** No keys are handled in home care; time spent collecting keys goes to client-facing work.

Activities are needed too – in the project plan. But it is the effects you follow up and report.

## Three perspectives

Consider setting goals from three perspectives:

- **The person:** safety, independence, participation, sleep, being able to stay at home.
- **Staff:** work environment, time for what requires presence, fewer unnecessary trips.
- **The service and finances:** capacity to meet growing needs, avoided costs, quality.

## Make goals measurable

For each goal: what do we measure, how, how often, what is the starting point, what do we want to reach – and by when? If you do not know the starting point, finding it out is the first step. You will work further on this in the module on benefit realisation.

## Write it down and decide

Goals should be decided by someone with the mandate, known to staff and written into the business plan. Then they can be followed up – and they can hold their ground when something else tries to push the work aside.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'forsta-fragan',
        kind: 'single',
        prompt: {
          sv: 'Vilken fråga bör komma först när ni överväger en ny välfärdsteknik?',
          en: 'Which question should come first when you consider a new welfare technology?',
        },
        options: [
          {
            key: 'vilken-produkt',
            correct: false,
            text: { sv: 'Vilken produkt är bäst på marknaden?', en: 'Which product is best on the market?' },
            feedback: {
              sv: 'Inte först. Produktvalet kommer efter att ni vet vilket problem som ska lösas.',
              en: 'Not first. The choice of product comes after you know which problem is to be solved.',
            },
          },
          {
            key: 'vilket-problem',
            correct: true,
            text: {
              sv: 'Vilket problem eller behov ska lösas, och för vem?',
              en: 'Which problem or need is to be solved, and for whom?',
            },
            feedback: {
              sv: 'Rätt. Allt annat – mål, val av lösning, nytta – bygger på svaret.',
              en: 'Correct. Everything else – goals, choice of solution, benefits – builds on the answer.',
            },
          },
          {
            key: 'stimulansmedel',
            correct: false,
            text: {
              sv: 'Finns det stimulansmedel att söka?',
              en: 'Are there stimulus funds to apply for?',
            },
            feedback: {
              sv: 'Finansiering är viktig, men medel utan ett tydligt behov leder lätt till teknik som inte används.',
              en: 'Funding matters, but money without a clear need easily leads to technology that is not used.',
            },
          },
        ],
      },
      {
        key: 'effektmal',
        kind: 'single',
        prompt: {
          sv: 'Vilket av följande är ett effektmål?',
          en: 'Which of the following is an effect goal?',
        },
        options: [
          {
            key: 'installera',
            correct: false,
            text: {
              sv: 'Installera 30 nattkameror under året.',
              en: 'Install 30 night cameras during the year.',
            },
            feedback: {
              sv: 'Det är ett aktivitetsmål. Det säger inget om vad det leder till för personerna.',
              en: 'That is an activity goal. It says nothing about what it leads to for people.',
            },
          },
          {
            key: 'farre-vacks',
            correct: true,
            text: {
              sv: 'Färre personer med nattillsyn väcks av besök, och fler uppger att de sover bra.',
              en: 'Fewer people with night supervision are woken by visits, and more say they sleep well.',
            },
            feedback: {
              sv: 'Rätt. Målet beskriver en effekt för personen och går att mäta före och efter.',
              en: 'Correct. The goal describes an effect for the person and can be measured before and after.',
            },
          },
          {
            key: 'utbildning-klar',
            correct: false,
            text: {
              sv: 'Alla medarbetare har gått utbildningen.',
              en: 'All staff have completed the training.',
            },
            feedback: {
              sv: 'Det är också en aktivitet. Effekten är att medarbetarna kan och känner sig trygga.',
              en: 'That is also an activity. The effect is that staff are able and feel confident.',
            },
          },
        ],
      },
      {
        key: 'fyra-forutsattningar',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka av följande hör till de fyra förutsättningar som ofta avgör om en kommun kommer vidare? Välj alla som stämmer.',
          en: 'Which of the following belong to the four conditions that often decide whether a municipality makes progress? Choose all that apply.',
        },
        options: [
          {
            key: 'styrning',
            correct: true,
            text: { sv: 'Styrning', en: 'Governance' },
            feedback: {
              sv: 'Rätt. Utan tydliga mål, beslut och en ägare blir arbetet beroende av enskilda eldsjälar.',
              en: 'Correct. Without clear goals, decisions and an owner, the work depends on individual enthusiasts.',
            },
          },
          {
            key: 'resurser',
            correct: true,
            text: { sv: 'Resurser', en: 'Resources' },
            feedback: {
              sv: 'Rätt. Tid, pengar och infrastruktur – uppkoppling, mobiler, support – behövs för att tekniken ska fungera.',
              en: 'Correct. Time, money and infrastructure – connectivity, phones, support – are needed for the technology to work.',
            },
          },
          {
            key: 'kompetens',
            correct: true,
            text: { sv: 'Kompetens', en: 'Competence' },
            feedback: {
              sv: 'Rätt. Både medarbetare och chefer behöver kunna det som krävs, och ha någon att fråga.',
              en: 'Correct. Both staff and managers need the necessary know-how, and someone to ask.',
            },
          },
          {
            key: 'organisering',
            correct: true,
            text: { sv: 'Organisering', en: 'Organisation' },
            feedback: {
              sv: 'Rätt. Ansvaret mellan bistånd, utförare, hälso- och sjukvård, IT och leverantör måste vara fördelat.',
              en: 'Correct. Responsibility between needs assessment, provider, health care, IT and supplier must be assigned.',
            },
          },
          {
            key: 'varumarke',
            correct: false,
            text: { sv: 'Leverantörens varumärke', en: "The supplier's brand" },
            feedback: {
              sv: 'Nej. Produktvalet spelar roll, men bristerna ligger oftare i styrning, resurser, kompetens och organisering.',
              en: 'No. The product matters, but gaps are more often in governance, resources, competence and organisation.',
            },
          },
        ],
      },
      {
        key: 'mbl',
        kind: 'true_false',
        prompt: {
          sv: 'Inför en viktigare förändring av verksamheten, till exempel att ersätta nattbesök med kameratillsyn i stor skala, ska arbetsgivaren förhandla med de fackliga organisationerna.',
          en: 'Before a major change in operations, such as replacing night visits with camera supervision at scale, the employer must negotiate with the trade unions.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Det följer av medbestämmandelagen. Risker för arbetsmiljön ska också bedömas, med skyddsombudet.',
              en: 'Correct. This follows from the Co-determination Act. Work environment risks must also be assessed, with the safety representative.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Enligt MBL ska arbetsgivaren förhandla innan beslut om viktigare förändringar.',
              en: 'Wrong. Under MBL the employer must negotiate before deciding on major changes.',
            },
          },
        ],
      },
      {
        key: 'oro',
        kind: 'single',
        prompt: {
          sv: 'En erfaren undersköterska säger: "Kameran ska väl ersätta oss." Hur är det klokast att se på det?',
          en: 'An experienced assistant nurse says: "I suppose the camera is meant to replace us." What is the wisest way to view this?',
        },
        options: [
          {
            key: 'motstand',
            correct: false,
            text: {
              sv: 'Som motstånd mot förändring som man får arbeta runt.',
              en: 'As resistance to change that you have to work around.',
            },
            feedback: {
              sv: 'Att arbeta runt oron gör den ofta större. Den säger något du behöver förstå.',
              en: 'Working around the worry often makes it bigger. It tells you something you need to understand.',
            },
          },
          {
            key: 'information',
            correct: true,
            text: {
              sv: 'Som information om vad som behöver förklaras, och en anledning att involvera henne.',
              en: 'As information about what needs explaining, and a reason to involve her.',
            },
            feedback: {
              sv: 'Rätt. Oro pekar på vad budskapet, utbildningen eller upplägget behöver svara på.',
              en: 'Correct. Worry points to what the message, the training or the design needs to address.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Vilket behov hos de personer vi stödjer är viktigast att lösa det närmaste året? Hänger det ihop med kommunens mål?',
      en: 'Which need among the people we support is most important to address in the coming year? Does it connect to the municipality’s goals?',
    },
    {
      sv: 'Skatta enheten på de fyra förutsättningarna styrning, resurser, kompetens och organisering. Var är vi starkast och var är luckan störst?',
      en: 'Rate the unit on the four conditions – governance, resources, competence and organisation. Where are we strongest and where is the biggest gap?',
    },
    {
      sv: 'Vilka har vi glömt att involvera tidigare, och vad blev följden?',
      en: 'Whom have we forgotten to involve in the past, and what were the consequences?',
    },
  ],
};
