import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const vadArValfardsteknik: z.input<typeof ModuleContent> = {
  key: 'vad-ar-valfardsteknik',
  title: {
    sv: 'Vad är välfärdsteknik och varför?',
    'sv-x-plain': 'Vad är välfärdsteknik? Varför använder vi den?',
    en: 'What is welfare technology, and why?',
  },
  summary: {
    sv: 'Vad begreppet betyder, vilka hjälpmedel det gäller, vem som har nytta av dem och vem som ansvarar för vad – från kommunen till dig på arbetspasset.',
    'sv-x-plain':
      'Du lär dig vad välfärdsteknik är. Du får se exempel. Du lär dig vem som har nytta av tekniken. Du lär dig också vem som bestämmer.',
    en: 'What the term means, which aids it covers, who benefits from them and who is responsible for what – from the municipality to you on your shift.',
  },
  lessons: [
    {
      key: 'begreppet',
      title: {
        sv: 'Begreppet och några exempel',
        'sv-x-plain': 'Vad ordet betyder',
        en: 'The term and some examples',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Fyra ord att komma ihåg

Välfärdsteknik är digital teknik som ska hjälpa en person att behålla eller öka sin **trygghet**, **aktivitet**, **delaktighet** eller **självständighet**. Den är till för personer som har en funktionsnedsättning eller som löper större risk att få en – till exempel på grund av hög ålder, demenssjukdom eller en stroke. Så beskriver Socialstyrelsen och eHälsomyndigheten begreppet, och det är så vi använder ordet i den här kursen.

Lägg märke till att definitionen utgår från **personen**, inte från tekniken. En surfplatta är inte välfärdsteknik i sig. Den blir det när den används för att någon ska kunna prata med sitt barnbarn, delta i en aktivitet eller klara något själv.

## Exempel du kan möta

- **Trygghet:** digitalt trygghetslarm i hemmet, larm med GPS som fungerar även utomhus, sensorer som larmar om någon faller eller lämnar sängen och inte kommer tillbaka, tillsyn med kamera på natten.
- **Aktivitet:** påminnelser och digitala kalendrar, träningsprogram eller spel på surfplatta, cykel med skärm som visar en film från hembygden.
- **Delaktighet:** videosamtal med anhöriga, digitala besök hos vården, sociala aktiviteter på nätet.
- **Självständighet:** läkemedelsautomat som lämnar ut rätt dos vid rätt tid, digitala lås som gör att personen slipper lämna ut sin nyckel, stödprogram som hjälper till att planera dagen.

## Vad räknas inte?

Många digitala verktyg i omsorgen är till för **verksamheten**: schemat, planeringen i mobilen, systemet där du dokumenterar. De är viktiga och kallas ofta *digitalisering*, men de är inte välfärdsteknik i strikt mening, eftersom de inte används av eller för personen själv. Gränsen är inte alltid skarp – ett digitalt lås hjälper både personen och personalen.

## Tekniken är ett verktyg

Målet är aldrig tekniken. Målet är att personen ska kunna leva det liv hen vill, så självständigt och tryggt som möjligt. Välfärdsteknik ska inte ersätta mänsklig kontakt som personen behöver och vill ha. Den kan däremot ersätta moment som personen hellre vill slippa – som att bli väckt av en dörr som öppnas mitt i natten.`,
        'sv-x-plain': `## Fyra viktiga ord

Välfärdsteknik är digital teknik.
Den hjälper en person att känna sig **trygg**.
Den hjälper personen att vara **aktiv**.
Den hjälper personen att vara **delaktig**. Det betyder att vara med och bestämma och vara med andra.
Den hjälper personen att klara mer **själv**.

Tekniken är till för personer med en funktionsnedsättning.
Den är också till för personer som lätt kan få en funktionsnedsättning.
Det kan vara en person som är mycket gammal.
Det kan vara en person som har demens eller har haft en stroke.

Tekniken är till för personen.
En surfplatta är bara en sak.
Den blir välfärdsteknik när den hjälper personen.
Till exempel när personen pratar med sitt barnbarn på den.

## Exempel

- **Trygghet:** ett larm i hemmet. Ett larm med GPS som fungerar ute. En kamera som tittar till personen på natten.
- **Aktivitet:** en påminnelse i en digital kalender. Träning eller spel på en surfplatta.
- **Delaktighet:** ett videosamtal med familjen.
- **Självständighet:** en läkemedelsautomat. Den ger rätt medicin vid rätt tid. Ett digitalt lås. Då behöver personen inte lämna ut sin nyckel.

## Det här är inte välfärdsteknik

Du använder också digitala verktyg i ditt arbete.
Till exempel schemat och appen där du skriver om ditt arbete.
De verktygen är till för dig och för arbetet.
De kallas digitalisering.
De är inte välfärdsteknik.

## Tekniken är ett verktyg

Tekniken är inte målet.
Målet är att personen ska leva som hen vill.
Tekniken ska inte ta bort kontakt som personen vill ha.`,
        en: `## Four words to remember

Welfare technology is digital technology that helps a person maintain or increase their **safety**, **activity**, **participation** or **independence**. It is meant for people who have a disability or who are at increased risk of getting one – for example because of old age, dementia or a stroke. This is how the Swedish National Board of Health and Welfare (Socialstyrelsen) and the Swedish eHealth Agency describe the term, and it is how we use it in this course.

Notice that the definition starts with the **person**, not the technology. A tablet is not welfare technology in itself. It becomes welfare technology when it is used so that someone can talk to a grandchild, join an activity or manage something on their own.

## Examples you may come across

- **Safety:** a digital social alarm at home, an alarm with GPS that also works outdoors, sensors that raise an alarm if someone falls or leaves the bed and does not return, night-time supervision by camera.
- **Activity:** reminders and digital calendars, exercise programmes or games on a tablet, an exercise bike with a screen showing a film from the person's home town.
- **Participation:** video calls with relatives, digital visits to health care, social activities online.
- **Independence:** a medication dispenser that releases the right dose at the right time, digital locks so the person does not have to hand out their key, support apps that help plan the day.

## What does not count?

Many digital tools in care are there for the **organisation**: the rota, the planning app on your phone, the system you document in. They matter and are often called *digitalisation*, but they are not welfare technology in the strict sense, because they are not used by or for the person. The line is not always sharp – a digital lock helps both the person and the staff.

## Technology is a tool

The goal is never the technology. The goal is for the person to live the life they want, as independently and safely as possible. Welfare technology should not replace human contact that the person needs and wants. It can, however, replace things the person would rather be spared – such as being woken by a door opening in the middle of the night.`,
      },
    },
    {
      key: 'nyttan',
      title: {
        sv: 'Nytta – för vem?',
        'sv-x-plain': 'Vem har nytta av tekniken?',
        en: 'Benefit – for whom?',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## För personen

Rätt använd kan välfärdsteknik ge mer frihet och mer kontroll över det egna livet. Den som har ett larm med GPS kan fortsätta ta sina promenader. Den som får tillsyn med kamera på natten kan sova ostört i stället för att väckas av ett besök. Den som har en läkemedelsautomat kan ta sina läkemedel på rätt tid utan att vänta på personalen. Många upplever det som värdigare att klara något själv än att behöva hjälp.

## För anhöriga

Anhöriga kan känna sig lugnare när de vet att ett larm fungerar även utomhus, eller när de kan se och höra sin mamma i ett videosamtal. Tekniken kan göra det lättare att hålla kontakt på avstånd – särskilt i glesbygd där det är långt mellan familjemedlemmar.

## För dig och dina kollegor

Tekniken kan minska onödiga resor och besök, så att det blir mer tid för de personer som behöver att någon är på plats. Ett digitalt lås gör att du slipper hantera nycklar. Men tekniken ger också nya uppgifter: att svara på larm, kontrollera att utrustningen fungerar, ladda och rapportera fel. Nyttan kommer inte av sig själv – den kräver rutiner och att alla vet vad de ska göra.

## För kommunen och samhället

Andelen äldre ökar, samtidigt som det blir svårare att rekrytera personal. Välfärdsteknik är ett sätt att använda de resurser som finns där de gör mest skillnad. Det handlar inte om att spara på omsorgen, utan om att ge rätt stöd på rätt sätt.

## Samma teknik – olika svar

Nyttan avgörs alltid för varje person. Ett exempel: Greta, 89 år, väcktes varje natt när personalen öppnade dörren. Med kameratillsyn sover hon hela natten och är piggare på dagen. Hennes granne Olle bor ensam och tycker att nattbesöket är dagens trygghet – han vill att en människa kommer. För honom är besöket rätt. Båda svaren är riktiga, eftersom de utgår från personens egen vilja och behov.`,
        'sv-x-plain': `## Nytta för personen

Tekniken kan ge personen mer frihet.
En person med GPS-larm kan gå ut och gå själv.
En person med kamera på natten kan sova utan att bli väckt.
En person med läkemedelsautomat kan ta sin medicin själv.
Många tycker att det känns bra att klara saker själv.

## Nytta för familjen

Anhöriga är personens familj och nära vänner.
De kan känna sig lugna när larmet fungerar.
De kan prata med personen i ett videosamtal.
Det hjälper när familjen bor långt bort.

## Nytta för dig

Du kanske behöver åka mindre.
Då får du mer tid för personer som behöver dig på plats.
Med digitala lås behöver du inte bära nycklar.
Men tekniken ger dig också nya uppgifter.
Du ska svara på larm.
Du ska kolla att tekniken fungerar.
Du ska ladda och säga till om något är fel.

## Nytta för kommunen

Det blir fler äldre personer.
Det blir svårare att hitta personal.
Tekniken kan hjälpa oss att använda tiden bättre.

## Olika personer vill olika

Greta är 89 år.
Hon vaknade när personalen kom på natten.
Nu har hon en kamera i stället.
Nu sover hon hela natten.

Olle bor ensam.
Han vill att en person kommer på natten.
Det gör honom trygg.
Därför får han besök.

Båda har rätt.
Vi frågar alltid vad personen själv vill och behöver.`,
        en: `## For the person

Used well, welfare technology can give more freedom and more control over one's own life. Someone with a GPS alarm can keep going for walks. Someone with camera supervision at night can sleep undisturbed instead of being woken by a visit. Someone with a medication dispenser can take their medicines on time without waiting for staff. Many people feel it is more dignified to manage something themselves than to need help.

## For relatives

Relatives may feel calmer knowing that an alarm also works outdoors, or when they can see and hear their mother on a video call. Technology can make it easier to stay in touch at a distance – especially in rural areas where family members live far apart.

## For you and your colleagues

Technology can reduce unnecessary trips and visits, leaving more time for the people who need someone to be there. A digital lock means you do not have to handle keys. But technology also brings new tasks: responding to alarms, checking that equipment works, charging and reporting faults. The benefit does not come by itself – it needs routines and for everyone to know what to do.

## For the municipality and society

The share of older people is growing while it is getting harder to recruit staff. Welfare technology is one way of using the resources we have where they make the most difference. It is not about cutting care, but about giving the right support in the right way.

## Same technology – different answers

The benefit is always judged for each person. An example: Greta, 89, was woken every night when staff opened her door. With camera supervision she sleeps through the night and is more alert during the day. Her neighbour Olle lives alone and feels the night visit is what makes him feel safe – he wants a human being to come. For him the visit is right. Both answers are correct, because they start from the person's own wishes and needs.`,
      },
    },
    {
      key: 'ansvar-och-sammanhang',
      title: {
        sv: 'Vem ansvarar för vad?',
        'sv-x-plain': 'Vem bestämmer och vem gör vad?',
        en: 'Who is responsible for what?',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Kommunens ansvar

Enligt socialtjänstlagen har kommunen det yttersta ansvaret för att de som vistas i kommunen får det stöd och den hjälp de behöver. Äldreomsorgen ska ge äldre personer möjlighet att leva ett värdigt liv och känna välbefinnande. Välfärdsteknik är ett av flera sätt att ge det stödet. Varje kommun bestämmer själv vilken teknik den erbjuder och hur – därför ser det olika ut i olika kommuner.

## Från beslut till utförande

- **Biståndshandläggaren** utreder personens behov och fattar ett beslut om bistånd, till exempel trygghetslarm eller tillsyn på natten. Beslutet bygger på en individuell bedömning. En del insatser kan kommunen erbjuda utan en sådan prövning – det varierar.
- **Utföraren** – hemtjänsten eller det särskilda boendet, i kommunal eller privat regi – ger insatsen. Tillsammans med personen gör ni en **genomförandeplan** som beskriver hur och när stödet ges.
- **Hälso- och sjukvården** i kommunen, med sjuksköterskor och rehabpersonal, ansvarar för till exempel läkemedel och hjälpmedel som förskrivs.
- **Chefen** ansvarar för att det finns rutiner och att du har fått den utbildning du behöver.

## Det nationella sammanhanget

- **SKR** (Sveriges Kommuner och Regioner) är kommunernas och regionernas organisation. SKR stödjer med kunskap, nätverk och ett kompetenscenter för välfärdsteknik, och har arbetat med modellkommuner som delar sina erfarenheter med andra.
- **Socialstyrelsen** är myndigheten som ger ut föreskrifter och kunskapsstöd för socialtjänsten, och som varje år följer upp kommunernas arbete med e-hälsa och välfärdsteknik.
- **eHälsomyndigheten** har haft regeringens uppdrag att stödja kommunerna i arbetet med välfärdsteknik i äldreomsorgen.
- Många regioner och kommunalförbund har egna nätverk och utbildningar där kommuner lär av varandra.

## Din roll

Du är den som ser hur tekniken fungerar i vardagen. Du märker om en person slutar använda sitt larm, om kameran har tappat uppkopplingen eller om läkemedelsautomaten piper utan att någon förstår varför. Det du ser är värdefullt. Säg till, dokumentera och rapportera – då kan stödet bli bättre.`,
        'sv-x-plain': `## Kommunen har ansvar

Det finns en lag som heter socialtjänstlagen.
Lagen säger att kommunen ska se till att människor får hjälp när de behöver.
Äldre personer ska kunna leva ett bra och värdigt liv.
Tekniken är ett sätt att ge hjälp.
Varje kommun bestämmer vilken teknik den har.
Därför är det olika i olika kommuner.

## Vem gör vad?

- **Biståndshandläggaren** arbetar på kommunen. Hen pratar med personen om vad personen behöver. Sedan beslutar hen vilken hjälp personen ska få. Det kallas biståndsbeslut.
- **Hemtjänsten eller boendet** ger hjälpen. Det är där du arbetar. Ni skriver en plan tillsammans med personen. Den heter genomförandeplan. Där står hur hjälpen ska ges.
- **Sjuksköterskan** ansvarar för medicin och för vissa hjälpmedel.
- **Chefen** ser till att det finns rutiner. En rutin beskriver hur vi ska göra. Chefen ser också till att du får lära dig det du behöver.

## I hela Sverige

- **SKR** är en organisation för alla kommuner och regioner. SKR hjälper kommunerna med kunskap.
- **Socialstyrelsen** är en myndighet. Den skriver regler och kunskap för omsorgen. Den frågar varje år hur kommunerna använder tekniken.
- **eHälsomyndigheten** är också en myndighet. Den har hjälpt kommunerna med välfärdsteknik.

## Du är viktig

Du ser hur tekniken fungerar varje dag.
Du märker om något inte fungerar.
Du märker om en person inte vill använda tekniken.
Berätta det för din chef.
Skriv det i dokumentationen.
Då kan hjälpen bli bättre.`,
        en: `## The municipality's responsibility

Under the Social Services Act (socialtjänstlagen), the municipality has the ultimate responsibility for making sure that people in the municipality get the support and help they need. Elder care should enable older people to live a dignified life and feel well. Welfare technology is one of several ways of giving that support. Each municipality decides which technology it offers and how – which is why it differs between municipalities.

## From decision to delivery

- The **needs assessor** (biståndshandläggare) investigates the person's needs and makes a decision on assistance, such as a social alarm or night-time supervision. The decision is based on an individual assessment. Some services can be offered without such an assessment – this varies between municipalities.
- The **provider** – home care or the nursing home, run by the municipality or a private company – delivers the service. Together with the person you draw up an **implementation plan** (genomförandeplan) describing how and when support is given.
- The municipality's **health care** staff, such as nurses and rehabilitation staff, are responsible for things like medication and prescribed assistive devices.
- Your **manager** is responsible for having routines in place and for making sure you get the training you need.

## The national context

- **SKR** (Swedish Association of Local Authorities and Regions) is the organisation of all municipalities and regions. It supports them with knowledge, networks and a competence centre for welfare technology, and has worked with model municipalities that share their experience with others.
- **Socialstyrelsen** (the National Board of Health and Welfare) is the agency that issues regulations and guidance for social services, and that follows up municipalities' work with e-health and welfare technology every year.
- The **Swedish eHealth Agency** has had a government assignment to support municipalities with welfare technology in elder care.
- Many regions and associations of municipalities run their own networks and training where municipalities learn from each other.

## Your role

You are the one who sees how the technology works in everyday life. You notice if someone stops using their alarm, if the camera has lost its connection, or if the medication dispenser beeps and nobody knows why. What you see is valuable. Speak up, document and report – that is how the support gets better.`,
      },
      resources: [
        {
          url: 'https://www.socialstyrelsen.se',
          kind: 'link',
          label: {
            sv: 'Socialstyrelsen',
            'sv-x-plain': 'Socialstyrelsen',
            en: 'Socialstyrelsen (National Board of Health and Welfare)',
          },
        },
        {
          url: 'https://www.ehalsomyndigheten.se',
          kind: 'link',
          label: { sv: 'eHälsomyndigheten', 'sv-x-plain': 'eHälsomyndigheten', en: 'Swedish eHealth Agency' },
        },
      ],
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'definition',
        kind: 'single',
        prompt: {
          sv: 'Vad är det viktigaste kännetecknet för välfärdsteknik?',
          'sv-x-plain': 'Vad är välfärdsteknik?',
          en: 'What is the most important feature of welfare technology?',
        },
        options: [
          {
            key: 'for-personen',
            correct: true,
            text: {
              sv: 'Den är digital och ska stärka personens trygghet, aktivitet, delaktighet eller självständighet.',
              'sv-x-plain':
                'Digital teknik som hjälper personen att vara trygg, aktiv, delaktig eller klara sig själv.',
              en: "It is digital and aims to strengthen the person's safety, activity, participation or independence.",
            },
            feedback: {
              sv: 'Rätt. Definitionen utgår från vad tekniken gör för personen.',
              'sv-x-plain': 'Rätt. Tekniken ska hjälpa personen.',
              en: 'Correct. The definition starts from what the technology does for the person.',
            },
          },
          {
            key: 'spara-tid',
            correct: false,
            text: {
              sv: 'Den ska i första hand spara tid för personalen.',
              'sv-x-plain': 'Den ska spara tid för personalen.',
              en: 'Its main purpose is to save staff time.',
            },
            feedback: {
              sv: 'Inte riktigt. Tekniken kan frigöra tid, men den är till för personen. Tid är en möjlig effekt, inte definitionen.',
              'sv-x-plain': 'Nej. Tekniken kan spara tid. Men den är till för personen.',
              en: 'Not quite. Technology may free up time, but it exists for the person. Time saved is a possible effect, not the definition.',
            },
          },
          {
            key: 'all-it',
            correct: false,
            text: {
              sv: 'All IT som används i omsorgen, till exempel schema och dokumentationssystem.',
              'sv-x-plain': 'Alla datorer och appar som personalen använder.',
              en: 'All IT used in care, such as rotas and documentation systems.',
            },
            feedback: {
              sv: 'Nej. Schema och dokumentation är digitalisering av verksamheten, inte välfärdsteknik i strikt mening.',
              'sv-x-plain': 'Nej. Schema och dokumentation är till för arbetet. Det kallas digitalisering.',
              en: 'No. Rotas and documentation are digitalisation of the organisation, not welfare technology in the strict sense.',
            },
          },
        ],
      },
      {
        key: 'exempel',
        kind: 'multiple',
        prompt: {
          sv: 'Vilka av följande är exempel på välfärdsteknik? Välj alla som stämmer.',
          'sv-x-plain': 'Vilka saker är välfärdsteknik? Välj alla rätta svar.',
          en: 'Which of the following are examples of welfare technology? Choose all that apply.',
        },
        options: [
          {
            key: 'gps-larm',
            correct: true,
            text: { sv: 'Larm med GPS', 'sv-x-plain': 'Larm med GPS', en: 'An alarm with GPS' },
            feedback: {
              sv: 'Rätt. Det ger trygghet och frihet att röra sig ute.',
              'sv-x-plain': 'Rätt. Personen kan gå ut och känna sig trygg.',
              en: 'Correct. It gives safety and the freedom to move around outdoors.',
            },
          },
          {
            key: 'lakemedelsautomat',
            correct: true,
            text: {
              sv: 'Läkemedelsautomat',
              'sv-x-plain': 'Läkemedelsautomat',
              en: 'A medication dispenser',
            },
            feedback: {
              sv: 'Rätt. Den stärker självständigheten.',
              'sv-x-plain': 'Rätt. Personen kan ta sin medicin själv.',
              en: 'Correct. It strengthens independence.',
            },
          },
          {
            key: 'videosamtal',
            correct: true,
            text: {
              sv: 'Videosamtal med anhöriga',
              'sv-x-plain': 'Videosamtal med familjen',
              en: 'Video calls with relatives',
            },
            feedback: {
              sv: 'Rätt. Det stärker delaktigheten.',
              'sv-x-plain': 'Rätt. Personen kan träffa sin familj på skärmen.',
              en: 'Correct. It strengthens participation.',
            },
          },
          {
            key: 'schemaapp',
            correct: false,
            text: {
              sv: 'Personalens schemaapp',
              'sv-x-plain': 'Appen där personalen ser sitt schema',
              en: "The staff's rota app",
            },
            feedback: {
              sv: 'Nej. Schemaappen är ett verktyg för verksamheten, inte för personen.',
              'sv-x-plain': 'Nej. Schemat är till för personalen.',
              en: 'No. The rota app is a tool for the organisation, not for the person.',
            },
          },
        ],
      },
      {
        key: 'samma-for-alla',
        kind: 'true_false',
        prompt: {
          sv: 'Om en teknik fungerar bra för en person ska alla med liknande behov få samma teknik.',
          'sv-x-plain': 'Om tekniken är bra för en person ska alla få samma teknik.',
          en: 'If a technology works well for one person, everyone with similar needs should get the same technology.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Nyttan bedöms för varje person, utifrån hens egen vilja och behov – som Greta och Olle i lektionen.',
              'sv-x-plain': 'Nej. Vi frågar varje person. Olika personer vill olika.',
              en: 'No. The benefit is judged for each person, based on their own wishes and needs – like Greta and Olle in the lesson.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Samma teknik kan vara rätt för en person och fel för en annan.',
              'sv-x-plain': 'Rätt. Vi frågar varje person vad hen vill.',
              en: 'Correct. The same technology can be right for one person and wrong for another.',
            },
          },
        ],
      },
      {
        key: 'yttersta-ansvaret',
        kind: 'single',
        prompt: {
          sv: 'Vem har enligt socialtjänstlagen det yttersta ansvaret för att personer får det stöd och den hjälp de behöver?',
          'sv-x-plain': 'Vem ska enligt lagen se till att människor får hjälp?',
          en: 'Who, under the Social Services Act, has the ultimate responsibility for people getting the support and help they need?',
        },
        options: [
          {
            key: 'kommunen',
            correct: true,
            text: { sv: 'Kommunen', 'sv-x-plain': 'Kommunen', en: 'The municipality' },
            feedback: {
              sv: 'Rätt. Kommunen har det yttersta ansvaret och bestämmer vilken välfärdsteknik den erbjuder.',
              'sv-x-plain': 'Rätt. Kommunen har ansvaret.',
              en: 'Correct. The municipality has the ultimate responsibility and decides which welfare technology it offers.',
            },
          },
          {
            key: 'skr',
            correct: false,
            text: { sv: 'SKR', 'sv-x-plain': 'SKR', en: 'SKR' },
            feedback: {
              sv: 'Nej. SKR är kommunernas och regionernas organisation och ger stöd, men har inte ansvaret för insatserna.',
              'sv-x-plain': 'Nej. SKR hjälper kommunerna. Men kommunen har ansvaret.',
              en: 'No. SKR is the organisation of municipalities and regions and gives support, but it is not responsible for services.',
            },
          },
          {
            key: 'anhoriga',
            correct: false,
            text: { sv: 'De anhöriga', 'sv-x-plain': 'Familjen', en: 'The relatives' },
            feedback: {
              sv: 'Nej. Anhöriga kan vara ett viktigt stöd, men ansvaret enligt lagen ligger hos kommunen.',
              'sv-x-plain': 'Nej. Familjen kan hjälpa till. Men kommunen har ansvaret.',
              en: 'No. Relatives can be an important support, but responsibility under the law lies with the municipality.',
            },
          },
        ],
      },
      {
        key: 'din-roll',
        kind: 'single',
        prompt: {
          sv: 'Du märker att en brukare har slutat bära sitt GPS-larm. Vad gör du först?',
          'sv-x-plain': 'En person bär inte sitt GPS-larm längre. Vad gör du först?',
          en: 'You notice that a client has stopped wearing their GPS alarm. What do you do first?',
        },
        options: [
          {
            key: 'fraga-och-rapportera',
            correct: true,
            text: {
              sv: 'Frågar personen varför, dokumenterar och berättar för ansvarig enligt er rutin.',
              'sv-x-plain': 'Jag frågar personen varför. Jag skriver det och säger det till chefen.',
              en: 'Ask the person why, document it and tell whoever is responsible, following your routine.',
            },
            feedback: {
              sv: 'Rätt. Personens svar kan visa att larmet är obekvämt, krångligt eller inte längre önskat. Då kan insatsen följas upp.',
              'sv-x-plain':
                'Rätt. Personen kanske inte vill ha larmet. Eller så är det svårt att använda. Då måste vi veta det.',
              en: 'Correct. The answer may show that the alarm is uncomfortable, difficult or no longer wanted. Then the service can be followed up.',
            },
          },
          {
            key: 'satta-pa',
            correct: false,
            text: {
              sv: 'Sätter på larmet på personen utan att fråga.',
              'sv-x-plain': 'Jag sätter på larmet utan att fråga.',
              en: 'Put the alarm on the person without asking.',
            },
            feedback: {
              sv: 'Nej. Tekniken ska användas frivilligt. Att sätta på den mot personens vilja är inte tillåtet.',
              'sv-x-plain': 'Nej. Personen bestämmer själv. Du får inte tvinga.',
              en: 'No. Technology must be used voluntarily. Putting it on against the person’s will is not allowed.',
            },
          },
          {
            key: 'inget',
            correct: false,
            text: {
              sv: 'Ingenting – det är personens eget val.',
              'sv-x-plain': 'Ingenting. Det är personens val.',
              en: "Nothing – it is the person's own choice.",
            },
            feedback: {
              sv: 'Det är personens val, men någon behöver veta. Annars tror alla att personen har ett larm som skyddar hen.',
              'sv-x-plain':
                'Personen får välja. Men du måste berätta det. Annars tror alla att personen har larmet på sig.',
              en: 'It is the person’s choice, but someone needs to know. Otherwise everyone believes the person has an alarm protecting them.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Vilken välfärdsteknik använder vi i dag på vår arbetsplats? Vem har nytta av den, och hur märks det?',
      'sv-x-plain': 'Vilken teknik har vi på vår arbetsplats? Vem hjälper den? Hur märker vi det?',
      en: 'Which welfare technology do we use at our workplace today? Who benefits from it, and how can we tell?',
    },
    {
      sv: 'Tänk på en person du hjälper. Vilket av de fyra orden – trygghet, aktivitet, delaktighet, självständighet – skulle hen helst vilja ha mer av? Kan tekniken hjälpa till?',
      'sv-x-plain':
        'Tänk på en person du hjälper. Vill hen vara mer trygg, mer aktiv, mer delaktig eller klara mer själv? Kan tekniken hjälpa?',
      en: 'Think of someone you support. Which of the four words – safety, activity, participation, independence – would they most like more of? Could technology help?',
    },
    {
      sv: 'När kan tekniken bli fel för en person? Hur märker vi det, och vem säger vi till?',
      'sv-x-plain': 'När är tekniken inte bra för en person? Hur märker vi det? Vem berättar vi det för?',
      en: 'When might technology be wrong for a person? How would we notice, and whom do we tell?',
    },
  ],
};
