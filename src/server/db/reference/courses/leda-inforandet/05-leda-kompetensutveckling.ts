import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const ledaKompetensutveckling: z.input<typeof ModuleContent> = {
  key: 'leda-kompetensutveckling',
  title: { sv: 'Leda kompetensutveckling', en: 'Leading competence development' },
  summary: {
    sv: 'Vilken kompetens medarbetarna behöver, hur digitala ombud och avsatt tid gör lärandet möjligt, och hur du leder reflektionsträffar som omsätter kunskap i vardagen.',
    en: 'What competence staff need, how digital champions and dedicated time make learning possible, and how to lead reflection meetings that turn knowledge into everyday practice.',
  },
  lessons: [
    {
      key: 'vilken-kompetens',
      title: { sv: 'Vilken kompetens behövs?', en: 'What competence is needed?' },
      estimatedMinutes: 4,
      body: {
        sv: `## Mer än att trycka på knappar

Att använda välfärdsteknik väl kräver mer än att kunna appen. Medarbetarna behöver:

- **Grundläggande digital vana:** mobil, inloggning, appar, uppdateringar, laddning.
- **Kunskap om den teknik ni använder:** hur den fungerar, vad som ska kontrolleras, vad som görs vid fel.
- **Etik och juridik:** självbestämmande, samtycke, integritet, sekretess och tystnadsplikt – och att det inte finns lagstöd för tvång.
- **Dokumentation:** vad, hur och var, i mobilen.
- **Informationssäkerhet:** lösenord, bedrägerier, borttappade enheter, incidenter.
- **Förhållningssätt:** att se tekniken som ett stöd för personen och att följa upp hur personen upplever den.

Kursen *Välfärdsteknik i vardagen* i Välfärdsnavet täcker grunderna och kan användas som gemensam bas.

## Ta reda på nuläget

Fråga medarbetarna hur säkra de känner sig – gärna med en kort självskattning – och kombinera med det du ser i vardagen: avvikelser, frågor som ofta kommer, rutiner som inte följs. Kompetensbehovet skiljer sig mellan individer, och mellan dag, kväll och natt.

## Tänk på alla

- **Nattpersonal, deltidsanställda, timvikarier och sommarvikarier** använder samma teknik men missar ofta utbildningstillfällen. Planera för dem först.
- **Medarbetare med svenska som andraspråk** har nytta av korta texter, lättläst svenska, bilder och möjlighet att lära tillsammans och prata om innehållet.
- **Nyanställda** behöver tekniken i introduktionen – innan de går sitt första pass ensamma.

## En plan, inte en engångsinsats

Skriv en enkel kompetensplan för enheten: vad alla ska kunna, vem som behöver vad, när och hur det ska ske, och hur ni följer upp. Kompetens är en färskvara; tekniken och rutinerna förändras.`,
        en: `## More than pressing buttons

Using welfare technology well takes more than knowing the app. Staff need:

- **Basic digital skills:** phone, login, apps, updates, charging.
- **Knowledge of the technology you use:** how it works, what to check, what to do when it fails.
- **Ethics and law:** self-determination, consent, privacy, secrecy and confidentiality – and that there is no legal basis for coercion.
- **Documentation:** what, how and where, on the phone.
- **Information security:** passwords, scams, lost devices, incidents.
- **Approach:** seeing the technology as support for the person and following up how the person experiences it.

The course *Welfare technology in everyday care* in Välfärdsnavet covers the basics and can be used as a shared foundation.

## Find out where you stand

Ask staff how confident they feel – ideally with a short self-assessment – and combine that with what you see in everyday work: deviations, frequent questions, routines that are not followed. Competence needs differ between individuals, and between day, evening and night.

## Think of everyone

- **Night staff, part-timers, hourly substitutes and summer substitutes** use the same technology but often miss training sessions. Plan for them first.
- **Staff with Swedish as a second language** benefit from short texts, easy-to-read Swedish, pictures and the chance to learn together and talk about the content.
- **New staff** need the technology in their induction – before they work their first shift alone.

## A plan, not a one-off

Write a simple competence plan for the unit: what everyone needs to know, who needs what, when and how it will happen, and how you follow up. Competence goes stale; technology and routines change.`,
      },
    },
    {
      key: 'digitala-ombud-och-tid',
      title: { sv: 'Digitala ombud och tid för lärande', en: 'Digital champions and time for learning' },
      estimatedMinutes: 4,
      body: {
        sv: `## Digitala ombud

Ett digitalt ombud – ibland kallat superanvändare eller digital coach – är en medarbetare som har fördjupad kunskap om tekniken och stöttar kollegorna i vardagen. Ombuden är ofta det som gör skillnaden mellan teknik som används och teknik som står i ett skåp.

Det här gör ombudsrollen hållbar:

- **Ett tydligt uppdrag,** skriftligt: vad ombudet gör (visar, svarar på frågor, fångar upp problem, för vidare förbättringsförslag) och vad ombudet inte gör (felsöker servrar, tar över chefens ansvar, är tillgänglig dygnet runt).
- **Avsatt tid** i schemat, inte "när det finns tid över".
- **Mandat och stöd** från dig som chef.
- **Ett nätverk** med ombud från andra enheter eller kommuner, och en kontakt till IT och leverantör.
- **Ombud på alla tider** – även natt och helg – så att ingen står ensam.

Välj ombud efter intresse och förmåga att lära andra, inte efter vem som är yngst. Byt eller komplettera när någon slutar, så att kunskapen inte försvinner med en person.

## Tid för lärande

Det vanligaste hindret för kompetensutveckling i omsorgen är inte ovilja utan tid. Som chef kan du:

- lägga in lärande som **betald arbetstid** i schemat, med ersättare när det behövs,
- använda **korta moduler** som går att göra i mobilen under lugna stunder, till exempel på natten,
- se till att det finns **utrustning och uppkoppling** – och en lugn plats – för att göra dem,
- **följa upp** framsteg i Välfärdsnavet och uppmärksamma den som blir klar.

## Lär tillsammans

Lärande fäster bättre när det kopplas till det egna arbetet och görs tillsammans. Låt ombuden visa på plats, låt kollegor gå dubbelt med någon som kan, och använd arbetsplatsträffar till att öva på det som är svårt.`,
        en: `## Digital champions

A digital champion – sometimes called a super-user or digital coach – is a member of staff with deeper knowledge of the technology who supports colleagues in everyday work. Champions are often what makes the difference between technology that is used and technology that sits in a cupboard.

What makes the champion role sustainable:

- **A clear written remit:** what the champion does (shows, answers questions, picks up problems, passes on improvement ideas) and what they do not (troubleshoot servers, take over the manager's responsibility, be available round the clock).
- **Dedicated time** in the rota, not "when there is time left over".
- **Mandate and support** from you as manager.
- **A network** with champions from other units or municipalities, and a contact with IT and the supplier.
- **Champions on all shifts** – including nights and weekends – so nobody is left alone.

Choose champions for their interest and ability to teach others, not for being the youngest. Replace or add champions when someone leaves, so the knowledge does not walk out with one person.

## Time for learning

The most common obstacle to competence development in care is not reluctance but time. As a manager you can:

- schedule learning as **paid working time**, with cover when needed,
- use **short modules** that can be done on a phone during quiet periods, for example at night,
- make sure there is **equipment and connectivity** – and a quiet place – to do them,
- **follow up** progress in Välfärdsnavet and recognise those who finish.

## Learn together

Learning sticks better when it is linked to one's own work and done together. Let champions demonstrate on site, let colleagues shadow someone who knows, and use workplace meetings to practise what is difficult.`,
      },
    },
    {
      key: 'reflektionstraffar',
      title: { sv: 'Reflektionsträffar', en: 'Reflection meetings' },
      estimatedMinutes: 5,
      body: {
        sv: `## Modul plus reflektion

I Norge har utbildningen i välfärdsteknik för omsorgspersonal byggts kring en enkel modell: medarbetarna gör en kort modul var för sig, och sedan träffas gruppen för att reflektera över den tillsammans. Reflektionen är det som kopplar kunskapen till den egna arbetsplatsen. Varje modul i *Välfärdsteknik i vardagen* har reflektionsfrågor för just detta.

## Så kan en träff gå till

- **Tid:** 30–45 minuter, till exempel på arbetsplatsträffen, kort efter att gruppen har gjort modulen.
- **Ledare:** du som chef eller ett digitalt ombud. Ledarens uppgift är att ställa frågor och se till att alla kommer till tals – inte att föreläsa.
- **Start:** Vad fastnade? Vad var nytt eller överraskande?
- **Mitt:** Arbeta med två eller tre av modulens reflektionsfrågor. Koppla till verkliga situationer hos er, utan namn eller andra uppgifter som avslöjar vem det gäller.
- **Slut:** Vad tar vi med oss? Finns det en rutin som behöver ändras, en fråga till någon annan eller något vi vill prova? Skriv ner det och utse någon som ansvarar.

## Ett tryggt samtal

Reflektion kräver att det är tillåtet att säga "jag förstår inte", "jag gjorde fel" eller "jag håller inte med". Som ledare visar du vägen: dela egna osäkerheter, tacka för invändningar och döm ingen. Tänk på språket – korta meningar, förklara begrepp, och låt den som vill svara i par först.

## Nå alla

Planera träffar så att även natt- och helgpersonal kan delta, till exempel vid passbyten eller med en extra träff. Den som missar en träff kan få en kort sammanfattning och frågorna att fundera på.

## Följ upp

Registrera närvaro i Välfärdsnavet och notera kort vad gruppen kom fram till. Då syns både lärandet och de förbättringar som kommer ur det – och du har underlag till nästa års kompetensplan.`,
        en: `## Module plus reflection

In Norway, welfare technology training for care staff has been built around a simple model: staff complete a short module individually, and then the group meets to reflect on it together. The reflection is what links the knowledge to one's own workplace. Every module in *Welfare technology in everyday care* has reflection questions for exactly this.

## What a meeting can look like

- **Time:** 30–45 minutes, for example at the workplace meeting, shortly after the group has completed the module.
- **Lead:** you as manager or a digital champion. The leader's job is to ask questions and make sure everyone has a say – not to lecture.
- **Start:** What stuck? What was new or surprising?
- **Middle:** Work with two or three of the module's reflection questions. Link them to real situations in your unit, without names or other details that reveal who it concerns.
- **End:** What do we take with us? Is there a routine that needs changing, a question for someone else or something we want to try? Write it down and name someone responsible.

## A safe conversation

Reflection requires that it is fine to say "I don't understand", "I got it wrong" or "I disagree". As the leader you set the tone: share your own uncertainties, thank people for objections and judge no one. Mind the language – short sentences, explain terms, and let those who want to answer in pairs first.

## Reach everyone

Plan meetings so that night and weekend staff can take part too, for example at shift changes or with an extra meeting. Anyone who misses a meeting can get a short summary and the questions to think about.

## Follow up

Record attendance in Välfärdsnavet and note briefly what the group concluded. That makes both the learning and the improvements that come from it visible – and gives you input for next year's competence plan.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'planera-forst-for',
        kind: 'single',
        prompt: {
          sv: 'Vilka grupper riskerar oftast att missa utbildning i ny teknik och bör planeras för först?',
          en: 'Which groups most often risk missing training in new technology and should be planned for first?',
        },
        options: [
          {
            key: 'natt-och-vikarier',
            correct: true,
            text: {
              sv: 'Nattpersonal, deltidsanställda och vikarier',
              en: 'Night staff, part-timers and substitutes',
            },
            feedback: {
              sv: 'Rätt. De använder samma teknik men är sällan med när utbildningen sker dagtid.',
              en: 'Correct. They use the same technology but are rarely there when training happens in the daytime.',
            },
          },
          {
            key: 'ombuden',
            correct: false,
            text: { sv: 'De digitala ombuden', en: 'The digital champions' },
            feedback: {
              sv: 'Ombuden får oftast mest utbildning. Risken ligger hos dem som sällan är på plats dagtid.',
              en: 'Champions usually get the most training. The risk lies with those who are rarely there in the daytime.',
            },
          },
          {
            key: 'cheferna',
            correct: false,
            text: { sv: 'Cheferna', en: 'The managers' },
            feedback: {
              sv: 'Chefer behöver också kunskap, men det är inte de som oftast missar medarbetarutbildningen.',
              en: 'Managers need knowledge too, but they are not the ones who most often miss staff training.',
            },
          },
        ],
      },
      {
        key: 'ombudets-uppdrag',
        kind: 'multiple',
        prompt: {
          sv: 'Vad gör ombudsrollen hållbar? Välj alla som stämmer.',
          en: 'What makes the champion role sustainable? Choose all that apply.',
        },
        options: [
          {
            key: 'skriftligt-uppdrag',
            correct: true,
            text: { sv: 'Ett tydligt, skriftligt uppdrag', en: 'A clear, written remit' },
            feedback: {
              sv: 'Rätt. Det skyddar ombudet från att bli "den som fixar allt".',
              en: 'Correct. It protects the champion from becoming "the one who fixes everything".',
            },
          },
          {
            key: 'avsatt-tid',
            correct: true,
            text: { sv: 'Avsatt tid i schemat', en: 'Dedicated time in the rota' },
            feedback: {
              sv: 'Rätt. Utan tid blir uppdraget en extra belastning.',
              en: 'Correct. Without time the remit becomes an extra burden.',
            },
          },
          {
            key: 'natverk',
            correct: true,
            text: { sv: 'Ett nätverk med andra ombud', en: 'A network with other champions' },
            feedback: {
              sv: 'Rätt. Ombuden lär av varandra och får stöd.',
              en: 'Correct. Champions learn from each other and get support.',
            },
          },
          {
            key: 'alltid-tillganglig',
            correct: false,
            text: {
              sv: 'Att ombudet alltid är nåbart på telefon',
              en: 'The champion always being reachable by phone',
            },
            feedback: {
              sv: 'Nej. Det sliter ut ombudet. Ha hellre ombud på alla tider och en tydlig supportväg.',
              en: 'No. It wears the champion out. Have champions on all shifts and a clear support route instead.',
            },
          },
        ],
      },
      {
        key: 'reflektion-ledare',
        kind: 'single',
        prompt: {
          sv: 'Vad är ledarens viktigaste uppgift på en reflektionsträff?',
          en: "What is the leader's most important task at a reflection meeting?",
        },
        options: [
          {
            key: 'forelasa',
            correct: false,
            text: {
              sv: 'Att gå igenom modulens innehåll en gång till',
              en: "To go through the module's content once more",
            },
            feedback: {
              sv: 'Nej. Medarbetarna har redan gjort modulen. Träffen är till för att koppla den till vardagen.',
              en: 'No. Staff have already done the module. The meeting is for linking it to everyday work.',
            },
          },
          {
            key: 'stalla-fragor',
            correct: true,
            text: {
              sv: 'Att ställa frågor och se till att alla kommer till tals',
              en: 'To ask questions and make sure everyone has a say',
            },
            feedback: {
              sv: 'Rätt. Reflektionen bärs av gruppens egna erfarenheter.',
              en: "Correct. Reflection is carried by the group's own experience.",
            },
          },
          {
            key: 'kontrollera',
            correct: false,
            text: { sv: 'Att kontrollera vem som har klarat testet', en: 'To check who has passed the quiz' },
            feedback: {
              sv: 'Det kan du se i Välfärdsnavet. På träffen behövs trygghet, inte kontroll.',
              en: 'You can see that in Välfärdsnavet. The meeting needs safety, not control.',
            },
          },
        ],
      },
      {
        key: 'betald-tid',
        kind: 'true_false',
        prompt: {
          sv: 'Det vanligaste hindret för kompetensutveckling i omsorgen är ovilja hos medarbetarna.',
          en: 'The most common obstacle to competence development in care is reluctance among staff.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Oftast handlar det om tid, schema och utrustning – sådant som chefen kan påverka.',
              en: 'No. It is usually about time, rotas and equipment – things the manager can influence.',
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Lägg in lärandet som betald arbetstid, med ersättare när det behövs.',
              en: 'Correct. Schedule learning as paid working time, with cover when needed.',
            },
          },
        ],
      },
      {
        key: 'exempel-pa-traff',
        kind: 'true_false',
        prompt: {
          sv: 'På en reflektionsträff är det bra att diskutera verkliga situationer, så länge ingen enskild brukare kan identifieras.',
          en: 'At a reflection meeting it is good to discuss real situations, as long as no individual client can be identified.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Verkliga situationer gör lärandet konkret; sekretessen och tystnadsplikten gäller fortfarande.',
              en: 'Correct. Real situations make learning concrete; secrecy and confidentiality still apply.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Att koppla till egna erfarenheter är själva poängen – bara utan uppgifter som avslöjar vem det gäller.',
              en: 'Wrong. Linking to one’s own experience is the whole point – just without details that reveal who it concerns.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Hur får nattpersonal, deltidsanställda och vikarier hos oss utbildning i den teknik de använder? Vad behöver ändras?',
      en: 'How do night staff, part-timers and substitutes here get training in the technology they use? What needs to change?',
    },
    {
      sv: 'Har vi digitala ombud? Har de ett skriftligt uppdrag, avsatt tid och stöd – och finns de på alla tider?',
      en: 'Do we have digital champions? Do they have a written remit, dedicated time and support – and are they on every shift?',
    },
    {
      sv: 'Planera den första reflektionsträffen: när, var, vem leder, och hur når vi dem som inte kan vara med?',
      en: 'Plan the first reflection meeting: when, where, who leads, and how do we reach those who cannot attend?',
    },
  ],
};
