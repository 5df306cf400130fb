import type { z } from 'zod';
import type { ModuleContent } from '../../../../../shared/contracts/course-content.ts';

export const franBehovTillUppfoljning: z.input<typeof ModuleContent> = {
  key: 'fran-behov-till-uppfoljning',
  title: {
    sv: 'Från behov till uppföljning – digitala hjälpmedel i praktiken',
    'sv-x-plain': 'Digitala hjälpmedel i ditt arbete',
    en: 'From need to follow-up – digital aids in practice',
  },
  summary: {
    sv: 'Kedjan från behov till uppföljning, och fem vanliga hjälpmedel: kameratillsyn på natten, GPS-larm, läkemedelsautomat, digitalt lås och videosamtal. För varje: vem det hjälper, hur det fungerar på passet, vad du kontrollerar, vad du gör vid fel och hur du följer upp med personen.',
    'sv-x-plain':
      'Du lär dig hur det går till från behov till uppföljning. Du lär dig om fem hjälpmedel: kamera på natten, GPS-larm, läkemedelsautomat, digitalt lås och videosamtal.',
    en: 'The chain from need to follow-up, and five common aids: night-time camera supervision, GPS alarm, medication dispenser, digital lock and video call. For each: who it helps, how it works on a shift, what you check, what to do when it fails and how to follow up with the person.',
  },
  lessons: [
    {
      key: 'kedjan',
      title: {
        sv: 'Kedjan: behov, beslut, installation, användning, uppföljning',
        'sv-x-plain': 'Från behov till uppföljning',
        en: 'The chain: need, decision, installation, use, follow-up',
      },
      estimatedMinutes: 4,
      body: {
        sv: `Ett hjälpmedel fungerar bara så bra som den svagaste länken i kedjan runt det. Här är länkarna och din del i dem.

## 1. Behov

Allt börjar med personen: vad vill hen kunna, och vad är svårt? Behovet kan komma från personen själv, från anhöriga eller från dig som ser att något har förändrats. **Din del:** berätta för chefen eller den som ansvarar när du ser ett behov – men lova inget om teknik.

## 2. Beslut

Biståndshandläggaren utreder och fattar beslut, oftast om en insats som *tillsyn* eller *trygghetslarm*. Vissa hjälpmedel förskrivs i stället av hälso- och sjukvården, till exempel av en arbetsterapeut. **Din del:** ingen, men du behöver veta vad beslutet säger.

## 3. Installation och introduktion

Tekniken installeras av en tekniker, larmgrupp eller leverantör. Personen – och vid behov anhöriga – får visa och pröva. Rutiner och genomförandeplan uppdateras: när används tekniken, vad händer vid larm, vad ersätter tekniken om den inte fungerar? **Din del:** kontrollera att du förstår rutinen innan du ska använda den.

## 4. Användning

Det är här du kommer in mest: du svarar på larm, gör tillsyn, laddar, kontrollerar och dokumenterar. **Din del:** följ rutinen, var uppmärksam på hur personen upplever tekniken och säg till vid fel.

## 5. Uppföljning

Fungerar det? Är personen nöjd? Har behovet förändrats? Uppföljning görs både av utföraren, i genomförandeplanen, och av biståndshandläggaren, i beslutet. **Din del:** det du har sett och dokumenterat är underlaget. Utan dina iakttagelser blir uppföljningen gissningar.

Kedjan är en cirkel: uppföljningen kan leda till ett nytt behov, ett ändrat sätt att ge stöd – eller till att tekniken tas bort.`,
        'sv-x-plain': `Ett hjälpmedel fungerar bara om alla steg fungerar.
Här är stegen.

## 1. Behov

Personen behöver hjälp med något.
Ibland säger personen det själv.
Ibland ser du det.
**Du gör så här:** berätta för din chef. Lova inte att personen får teknik.

## 2. Beslut

Biståndshandläggaren beslutar om hjälp.
Ibland beslutar en arbetsterapeut i stället.
**Du gör så här:** ta reda på vad beslutet säger.

## 3. Installation

En tekniker sätter upp tekniken.
Personen får lära sig och prova.
Det skrivs en rutin.
Rutinen säger vad du gör när tekniken inte fungerar.
**Du gör så här:** läs rutinen innan du använder tekniken.

## 4. Användning

Nu använder personen tekniken.
Du svarar på larm.
Du laddar.
Du kollar att det fungerar.
Du skriver om det.
**Du gör så här:** lägg märke till vad personen tycker. Säg till om något är fel.

## 5. Uppföljning

Uppföljning betyder att vi kollar om hjälpen fungerar.
Är personen nöjd?
Behöver personen något annat nu?
**Du gör så här:** berätta vad du har sett. Det du skriver är viktigt.

Efter uppföljningen kan allt börja om.
Personen kanske får annan hjälp.
Eller så tas tekniken bort.`,
        en: `An aid only works as well as the weakest link in the chain around it. Here are the links and your part in them.

## 1. Need

Everything starts with the person: what do they want to be able to do, and what is difficult? The need may come from the person, from relatives or from you noticing a change. **Your part:** tell your manager or whoever is responsible when you see a need – but do not promise any technology.

## 2. Decision

The needs assessor investigates and decides, usually on a service such as *supervision* or *social alarm*. Some aids are instead prescribed by health care, for example by an occupational therapist. **Your part:** none, but you need to know what the decision says.

## 3. Installation and introduction

The technology is installed by a technician, alarm team or supplier. The person – and relatives where needed – are shown it and try it out. Routines and the implementation plan are updated: when is the technology used, what happens when it alarms, and what replaces it if it does not work? **Your part:** make sure you understand the routine before you need to use it.

## 4. Use

This is where you come in most: you respond to alarms, carry out supervision, charge, check and document. **Your part:** follow the routine, pay attention to how the person experiences the technology and report faults.

## 5. Follow-up

Does it work? Is the person satisfied? Has the need changed? Follow-up is done both by the provider, in the implementation plan, and by the needs assessor, on the decision. **Your part:** what you have seen and documented is the basis. Without your observations, follow-up is guesswork.

The chain is a circle: follow-up can lead to a new need, a different way of giving support – or to the technology being removed.`,
      },
    },
    {
      key: 'kamera-och-gps-larm',
      title: {
        sv: 'Kameratillsyn på natten och GPS-larm',
        'sv-x-plain': 'Kamera på natten och GPS-larm',
        en: 'Night-time camera supervision and GPS alarms',
      },
      estimatedMinutes: 6,
      body: {
        sv: `## Kameratillsyn på natten

**Vem den hjälper:** personer som har beslut om tillsyn på natten och som hellre vill sova ostört än få besök – och som har samtyckt till kamera.

**Så fungerar det på passet:** En liten kamera sitter hemma hos personen, oftast i sovrummet. Vid överenskomna tider loggar du in i appen och tittar en kort stund. Det sker ingen inspelning, och bilden visas bara under tillsynen. Många kameror kan se i mörker.

**Det här kontrollerar du:** att du ser personen och att hen ser ut att ha det bra – till exempel ligger i sängen, andas lugnt, inte har ramlat. Titta bara under den tid och på det sätt som är bestämt.

**När något inte stämmer:** Ser du inte personen, ser något ut att vara fel eller går det inte att ansluta till kameran – gör ett besök enligt rutinen. Felanmäl tekniska fel och dokumentera.

**Följ upp med personen:** Sover hen bättre? Känns kameran okej? Vill hen ändra tiderna? Säg till om personen verkar tveksam.

## GPS-larm (mobilt trygghetslarm)

**Vem det hjälper:** personer som vill fortsätta röra sig utomhus – promenera, handla, gå till föreningen – men som är oroliga för att falla eller gå vilse.

**Så fungerar det:** Larmet bärs som klocka, halsband eller i fickan. När personen trycker på knappen kopplas ett samtal till larmmottagningen, och larmets position visas. En del larm har falldetektor. Vissa kan larma automatiskt när personen lämnar ett visst område – en sådan funktion är extra integritetskänslig och kräver att personen har samtyckt till just den.

**Det här kontrollerar du:** att larmet är laddat, att personen har det med sig och kan använda knappen, och att det testas enligt rutinen. Tänk på att täckningen kan vara dålig i vissa områden och att positionen kan vara osäker inomhus.

**Vid fel:** Tomt batteri, ingen täckning eller felaktig position – följ rutinen, felanmäl och dokumentera. Titta aldrig på positionen av andra skäl än ett larm eller det som är överenskommet.

**Följ upp med personen:** Bär hen larmet? Är det bekvämt? Går hen ut mer eller mindre än förut?`,
        'sv-x-plain': `## Kamera på natten

**Vem hjälper den?** Personer som vill sova utan att någon kommer in på natten. Personen måste ha sagt ja.

**Så här fungerar det:** Det sitter en liten kamera hemma hos personen. Du tittar i kameran vid bestämda tider. Du tittar bara en kort stund. Kameran spelar inte in.

**Det här kollar du:** Ser du personen? Ser hen ut att må bra? Ligger hen i sängen?

**Om något är fel:** Ser du inte personen? Fungerar inte kameran? Gå dit. Gör som rutinen säger. Skriv vad som hände.

**Fråga personen:** Sover du bättre? Är kameran okej? Vill du ändra tiderna?

## GPS-larm

**Vem hjälper det?** Personer som vill gå ut själva. De kan vara rädda att ramla eller gå vilse.

**Så här fungerar det:** Personen har larmet på armen, runt halsen eller i fickan. Personen trycker på en knapp. Då kan personen prata med någon som hjälper. Larmet visar var personen är.

Vissa larm kan larma om personen går utanför ett område. Personen måste ha sagt ja till det.

**Det här kollar du:**
- Är larmet laddat?
- Har personen med sig larmet?
- Kan personen trycka på knappen?
- Testa larmet enligt rutinen.

**Om något är fel:** Gör som rutinen säger. Säg till om felet. Skriv vad som hände. Titta bara var personen är när hen larmar.

**Fråga personen:** Använder du larmet? Är det skönt att ha på sig? Går du ut mer nu?`,
        en: `## Night-time camera supervision

**Who it helps:** people with a decision on night-time supervision who would rather sleep undisturbed than be visited – and who have consented to a camera.

**How it works on the shift:** A small camera is installed in the person's home, usually in the bedroom. At agreed times you log in to the app and look for a short moment. Nothing is recorded, and the picture is only shown during the check. Many cameras can see in the dark.

**What you check:** that you can see the person and that they appear to be all right – for example lying in bed, breathing calmly, not having fallen. Only look at the time and in the way that has been agreed.

**When something is not right:** If you cannot see the person, something seems wrong, or you cannot connect to the camera – make a visit according to the routine. Report technical faults and document.

**Follow up with the person:** Are they sleeping better? Does the camera feel all right? Do they want to change the times? Speak up if the person seems unsure.

## GPS alarm (mobile social alarm)

**Who it helps:** people who want to keep moving about outdoors – walking, shopping, going to their club – but worry about falling or getting lost.

**How it works:** The alarm is worn as a watch, a pendant or carried in a pocket. When the person presses the button, a call is connected to the alarm centre and the alarm's position is shown. Some alarms have fall detection. Some can raise an alarm automatically when the person leaves a certain area – that function is especially privacy-sensitive and requires the person's consent to that specific function.

**What you check:** that the alarm is charged, that the person carries it and can use the button, and that it is tested according to the routine. Remember that coverage may be poor in some areas and that the position may be inaccurate indoors.

**When it fails:** Flat battery, no coverage or wrong position – follow the routine, report the fault and document. Never look at the position for any reason other than an alarm or what has been agreed.

**Follow up with the person:** Do they wear the alarm? Is it comfortable? Do they go out more or less than before?`,
      },
    },
    {
      key: 'lakemedelsautomat-och-digitalt-las',
      title: {
        sv: 'Läkemedelsautomat och digitalt lås',
        'sv-x-plain': 'Läkemedelsautomat och digitalt lås',
        en: 'Medication dispensers and digital locks',
      },
      estimatedMinutes: 6,
      body: {
        sv: `## Läkemedelsautomat

**Vem den hjälper:** personer som kan ta sina läkemedel själva om de blir påminda och får rätt dos – men som annars glömmer eller tar fel. Den passar sämre för den som inte förstår signalen eller inte kan ta ut dosen.

**Så fungerar det:** Automaten innehåller läkemedel i doser, ofta färdigpackade påsar från apoteket. Vid rätt tid signalerar den och lämnar ut en dos – övriga doser är inlåsta. Om personen inte tar dosen inom en viss tid skickar automaten ett larm till personalen.

**Läkemedel hör till hälso- och sjukvården.** Sjuksköterskan ansvarar, och den som fyller på, hanterar larm om missade doser eller ger läkemedel gör det enligt delegering och sjuksköterskans instruktioner.

**Det här kontrollerar du:** att automaten har ström och uppkoppling, att påfyllning sker enligt schemat och att larm om missade doser besvaras. Ta aldrig ut doser i förväg för att "spara tid".

**Vid fel eller missad dos:** Följ rutinen och kontakta sjuksköterskan. Personen ska få sina läkemedel även när automaten inte fungerar. Rapportera avvikelser enligt hälso- och sjukvårdens rutin.

**Följ upp:** Tycker personen att det är lätt? Har hen missat doser? Har sjuksköterskan fått veta?

## Digitalt lås

**Vem det hjälper:** alla som får hemtjänst och inte vill lämna ut sin nyckel – och personalen, som slipper nyckelhantering.

**Så fungerar det:** En låsenhet monteras på insidan av dörren. Du öppnar med en app i arbetsmobilen när du står vid dörren. Varje öppning loggas: vem, när. Personen använder sin vanliga nyckel som förut.

**Det här kontrollerar du:** att dörren är **låst när du går** – vänta på bekräftelsen i appen. Håll koll på varningar om låg batterinivå.

**Vid fel:** Går låset inte att öppna – följ reservrutinen, till exempel en reservnyckel som förvaras säkert, och felanmäl. Lämna aldrig en dörr olåst för att det ska gå lättare nästa gång.

**Loggen är en personuppgift.** Den används för att följa upp att besöken görs och för att utreda händelser – inte för att kontrollera personens liv.

**Följ upp:** Känner sig personen trygg med att personalen öppnar digitalt? Vet hen vem som kommer?`,
        'sv-x-plain': `## Läkemedelsautomat

**Vem hjälper den?** Personer som kan ta sin medicin själva. Men de glömmer ibland. Automaten påminner dem.

**Så här fungerar det:** Medicinen ligger i automaten. Den ligger i små påsar. När det är dags piper automaten. Då kommer en påse ut. De andra påsarna är inlåsta. Om personen inte tar sin medicin får personalen ett larm.

**Sjuksköterskan ansvarar för medicinen.** Du får bara hjälpa till om sjuksköterskan har gett dig lov. Det kallas delegering.

**Det här kollar du:**
- Har automaten ström?
- Fylls den på i tid?
- Svarar någon på larmen?
- Ta aldrig ut medicin i förväg.

**Om något är fel:** Ring sjuksköterskan. Personen ska få sin medicin ändå.

**Fråga personen:** Är automaten lätt att använda? Har du glömt någon medicin?

## Digitalt lås

**Vem hjälper det?** Personen behöver inte lämna ut sin nyckel. Du behöver inte bära nycklar.

**Så här fungerar det:** Låset sitter på insidan av dörren. Du öppnar med en app i jobbmobilen. Systemet sparar vem som öppnade och när. Personen använder sin vanliga nyckel.

**Det här kollar du:** Att dörren är **låst när du går**. Vänta tills appen säger att dörren är låst.

**Om låset inte fungerar:** Gör som rutinen säger. Det finns ofta en extra nyckel. Säg till om felet. Lämna aldrig dörren olåst.

**Fråga personen:** Känner du dig trygg? Vet du vem som kommer?`,
        en: `## Medication dispenser

**Who it helps:** people who can take their medicines themselves if they are reminded and given the right dose – but who otherwise forget or take the wrong ones. It is less suitable for someone who does not understand the signal or cannot take out the dose.

**How it works:** The dispenser holds medicines in doses, often pre-packed pouches from the pharmacy. At the right time it signals and releases one dose – the other doses stay locked in. If the person does not take the dose within a set time, the dispenser sends an alert to staff.

**Medicines belong to health care.** The nurse is responsible, and anyone who refills, handles missed-dose alerts or gives medicines does so under delegation and following the nurse's instructions.

**What you check:** that the dispenser has power and a connection, that refilling follows the schedule and that missed-dose alerts are answered. Never take doses out in advance to "save time".

**When it fails or a dose is missed:** Follow the routine and contact the nurse. The person must get their medicines even when the dispenser does not work. Report deviations according to the health-care routine.

**Follow up:** Does the person find it easy? Have they missed doses? Has the nurse been told?

## Digital lock

**Who it helps:** everyone receiving home care who would rather not hand out their key – and staff, who no longer have to manage keys.

**How it works:** A lock unit is fitted on the inside of the door. You open it with an app on the work phone when you are at the door. Every opening is logged: who and when. The person uses their ordinary key as before.

**What you check:** that the door is **locked when you leave** – wait for the confirmation in the app. Keep an eye on low-battery warnings.

**When it fails:** If the lock will not open, follow the backup routine – for example a spare key kept securely – and report the fault. Never leave a door unlocked to make the next visit easier.

**The log is personal data.** It is used to follow up that visits are made and to investigate events – not to monitor the person's life.

**Follow up:** Does the person feel safe with staff opening digitally? Do they know who is coming?`,
      },
    },
    {
      key: 'videosamtal',
      title: {
        sv: 'Videosamtal – tillsyn och kontakt på distans',
        'sv-x-plain': 'Videosamtal',
        en: 'Video calls – supervision and contact at a distance',
      },
      estimatedMinutes: 5,
      body: {
        sv: `## Två sorters videosamtal

- **Tillsyn eller stöd via video:** personalen ringer upp vid överenskomna tider för att se hur personen mår, påminna om en måltid eller prata en stund. Det kan ersätta ett besök när personen själv tycker att det räcker och föredrar det.
- **Kontakt med anhöriga och vänner** – eller med vården – via en surfplatta eller skärm som är enkel att använda.

**Vem det hjälper:** personer som vill ha kontakt och stöd men inte alltid behöver någon på plats, och personer som bor långt från sin familj.

## Så fungerar det på passet

Du ringer från arbetsmobilen eller datorn vid den överenskomna tiden. Presentera dig med namn. Gå igenom det som står i genomförandeplanen – till exempel om personen har ätit, tagit sina läkemedel eller behöver något. Avsluta tydligt och berätta när nästa samtal eller besök är.

Tänk på integriteten: ring från en plats där ingen annan hör eller ser, och låt bara den som har med saken att göra vara med i samtalet. Vissa skärmar kan svara automatiskt. Det är extra känsligt och kräver att personen har samtyckt till just det.

## Det här kontrollerar du

- att personen ser och hör dig – ljud, ljus, bildvinkel,
- att skärmen är laddad och uppkopplad,
- att personen mår som vanligt.

## När det inte fungerar

Om personen inte svarar, om samtalet bryts eller om något verkar fel – följ rutinen. Ofta betyder det att du ringer på telefon och, om du inte får kontakt, gör ett besök. Felanmäl tekniska problem och dokumentera.

## Följ upp med personen

Är videosamtalen till glädje eller ett måste? Vill hen ha fler eller färre? Har kontakten med familjen blivit bättre? Ett videosamtal ska aldrig bli ett sätt att minska mänsklig kontakt som personen behöver.`,
        'sv-x-plain': `## Två sorters videosamtal

- **Personalen ringer.** Du ringer personen vid en bestämd tid. Du ser hur personen mår. Du kan påminna om mat.
- **Familjen ringer.** Personen pratar med familjen på en skärm. Skärmen är lätt att använda.

**Vem hjälper det?** Personer som vill ha kontakt men inte behöver någon på plats. Personer som bor långt från sin familj.

## Så gör du

- Ring vid den bestämda tiden.
- Säg ditt namn.
- Fråga det som står i planen. Har du ätit? Har du tagit din medicin?
- Säg när du ringer eller kommer nästa gång.

Ring från en plats där ingen annan hör.
Vissa skärmar svarar själva.
Personen måste ha sagt ja till det.

## Det här kollar du

- Ser och hör personen dig?
- Är skärmen laddad?
- Mår personen som vanligt?

## Om det inte fungerar

Svarar inte personen?
Bryts samtalet?
Gör som rutinen säger.
Ring på telefon.
Om du inte får svar: gå dit.
Skriv vad som hände.

## Fråga personen

Tycker du om samtalen?
Vill du ha fler eller färre?
Videosamtal får inte ta bort kontakt som personen behöver.`,
        en: `## Two kinds of video call

- **Supervision or support by video:** staff call at agreed times to see how the person is, remind them about a meal or chat for a while. It can replace a visit when the person feels it is enough and prefers it.
- **Contact with relatives and friends** – or with health care – through a tablet or screen that is easy to use.

**Who it helps:** people who want contact and support but do not always need someone there in person, and people who live far from their family.

## How it works on the shift

You call from the work phone or computer at the agreed time. Introduce yourself by name. Go through what the implementation plan says – for example whether the person has eaten, taken their medicines or needs anything. End clearly and say when the next call or visit will be.

Think about privacy: call from a place where nobody else can hear or see, and only involve people who have a reason to be part of the call. Some screens can answer automatically. That is especially sensitive and requires the person's consent to that specific function.

## What you check

- that the person can see and hear you – sound, light, camera angle,
- that the screen is charged and connected,
- that the person seems as usual.

## When it does not work

If the person does not answer, the call drops or something seems wrong – follow the routine. Often that means calling by phone and, if you cannot reach them, making a visit. Report technical problems and document.

## Follow up with the person

Are the video calls a pleasure or a chore? Would they like more or fewer? Has contact with family improved? A video call must never become a way of reducing human contact that the person needs.`,
      },
    },
  ],
  quiz: {
    passMark: 0.8,
    questions: [
      {
        key: 'kedjans-ordning',
        kind: 'single',
        prompt: {
          sv: 'Vilken ordning stämmer för kedjan runt ett hjälpmedel?',
          'sv-x-plain': 'I vilken ordning kommer stegen?',
          en: 'Which order is right for the chain around an aid?',
        },
        options: [
          {
            key: 'ratt-ordning',
            correct: true,
            text: {
              sv: 'Behov → beslut → installation → användning → uppföljning',
              'sv-x-plain': 'Behov → beslut → installation → användning → uppföljning',
              en: 'Need → decision → installation → use → follow-up',
            },
            feedback: {
              sv: 'Rätt. Och uppföljningen kan leda tillbaka till ett nytt behov.',
              'sv-x-plain': 'Rätt. Sedan kan det börja om.',
              en: 'Correct. And follow-up can lead back to a new need.',
            },
          },
          {
            key: 'teknik-forst',
            correct: false,
            text: {
              sv: 'Installation → beslut → behov → användning → uppföljning',
              'sv-x-plain': 'Installation → beslut → behov → användning → uppföljning',
              en: 'Installation → decision → need → use → follow-up',
            },
            feedback: {
              sv: 'Nej. Tekniken kommer aldrig före behovet och beslutet.',
              'sv-x-plain': 'Nej. Först behov. Sedan beslut.',
              en: 'No. Technology never comes before the need and the decision.',
            },
          },
          {
            key: 'utan-uppfoljning',
            correct: false,
            text: {
              sv: 'Behov → installation → användning',
              'sv-x-plain': 'Behov → installation → användning',
              en: 'Need → installation → use',
            },
            feedback: {
              sv: 'Nej. Både beslutet och uppföljningen saknas. Utan uppföljning vet ingen om det fungerar.',
              'sv-x-plain': 'Nej. Beslut och uppföljning saknas.',
              en: 'No. Both the decision and the follow-up are missing. Without follow-up, nobody knows if it works.',
            },
          },
        ],
      },
      {
        key: 'ser-inte-personen',
        kind: 'single',
        prompt: {
          sv: 'Vid kameratillsynen kl. 02 ser du inte personen i sängen eller i rummet. Vad gör du?',
          'sv-x-plain': 'Du tittar i kameran på natten. Personen är inte i sängen. Vad gör du?',
          en: 'At the 02.00 camera check you cannot see the person in bed or in the room. What do you do?',
        },
        options: [
          {
            key: 'vanta-till-nasta',
            correct: false,
            text: {
              sv: 'Väntar till nästa tillsyn – hen är säkert på toaletten.',
              'sv-x-plain': 'Jag tittar igen nästa gång.',
              en: 'Wait for the next check – they are probably in the bathroom.',
            },
            feedback: {
              sv: 'Nej. Du vet inte om personen har ramlat. Nästa tillsyn kan vara flera timmar bort.',
              'sv-x-plain': 'Nej. Personen kanske har ramlat.',
              en: 'No. You do not know whether the person has fallen. The next check may be hours away.',
            },
          },
          {
            key: 'besok-enligt-rutin',
            correct: true,
            text: {
              sv: 'Gör ett besök enligt rutinen och dokumenterar.',
              'sv-x-plain': 'Jag går dit. Jag gör som rutinen säger. Jag skriver vad som hände.',
              en: 'Make a visit according to the routine and document it.',
            },
            feedback: {
              sv: 'Rätt. När kameran inte ger svar på om personen har det bra, ska någon dit.',
              'sv-x-plain': 'Rätt. Du måste se att personen mår bra.',
              en: 'Correct. When the camera cannot tell you the person is all right, someone must go there.',
            },
          },
          {
            key: 'titta-langre',
            correct: false,
            text: {
              sv: 'Låter kameran vara på resten av natten för att se när hen kommer tillbaka.',
              'sv-x-plain': 'Jag låter kameran vara på hela natten.',
              en: 'Leave the camera on for the rest of the night to see when they come back.',
            },
            feedback: {
              sv: 'Nej. Det går utöver det personen har samtyckt till, och hjälper inte om hen har ramlat utanför bild.',
              'sv-x-plain': 'Nej. Personen har inte sagt ja till det.',
              en: 'No. That goes beyond what the person consented to, and does not help if they have fallen out of view.',
            },
          },
        ],
      },
      {
        key: 'gps-kontroll',
        kind: 'multiple',
        prompt: {
          sv: 'Vad ingår i att kontrollera ett GPS-larm? Välj alla som stämmer.',
          'sv-x-plain': 'Vad ska du kolla på ett GPS-larm? Välj alla rätta svar.',
          en: 'What is part of checking a GPS alarm? Choose all that apply.',
        },
        options: [
          {
            key: 'laddat',
            correct: true,
            text: { sv: 'Att det är laddat', 'sv-x-plain': 'Att det är laddat', en: 'That it is charged' },
            feedback: {
              sv: 'Rätt. Ett tomt larm skyddar ingen.',
              'sv-x-plain': 'Rätt. Utan batteri fungerar det inte.',
              en: 'Correct. A flat alarm protects nobody.',
            },
          },
          {
            key: 'med-sig',
            correct: true,
            text: {
              sv: 'Att personen har det med sig och kan använda knappen',
              'sv-x-plain': 'Att personen har larmet med sig och kan trycka på knappen',
              en: 'That the person carries it and can use the button',
            },
            feedback: {
              sv: 'Rätt. Larmet hjälper bara om det finns med och går att använda.',
              'sv-x-plain': 'Rätt. Larmet måste vara med.',
              en: 'Correct. The alarm only helps if it is there and can be used.',
            },
          },
          {
            key: 'testat',
            correct: true,
            text: {
              sv: 'Att det testas enligt rutinen',
              'sv-x-plain': 'Att det testas som rutinen säger',
              en: 'That it is tested according to the routine',
            },
            feedback: {
              sv: 'Rätt. Testet visar att larmet når fram.',
              'sv-x-plain': 'Rätt. Då vet du att det fungerar.',
              en: 'Correct. Testing shows that the alarm gets through.',
            },
          },
          {
            key: 'folja-promenader',
            correct: false,
            text: {
              sv: 'Att titta på positionen varje timme för att se var personen brukar gå',
              'sv-x-plain': 'Att titta var personen går varje timme',
              en: 'Looking at the position every hour to see where the person tends to walk',
            },
            feedback: {
              sv: 'Nej. Positionen används vid larm eller enligt det som är överenskommet – annars är det övervakning.',
              'sv-x-plain': 'Nej. Det är att övervaka. Titta bara när personen larmar.',
              en: 'No. The position is used when there is an alarm or as agreed – otherwise it is surveillance.',
            },
          },
        ],
      },
      {
        key: 'dos-i-forvag',
        kind: 'true_false',
        prompt: {
          sv: 'Om personen ska bort på eftermiddagen får du ta ut nästa dos ur läkemedelsautomaten i förväg och lägga den på bordet.',
          'sv-x-plain': 'Du får ta ut medicin ur automaten i förväg om personen ska gå bort.',
          en: 'If the person is going out in the afternoon, you may take the next dose out of the dispenser in advance and leave it on the table.',
        },
        options: [
          {
            key: 'sant',
            correct: false,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Nej. Läkemedel hanteras enligt delegering och sjuksköterskans instruktioner. Kontakta sjuksköterskan.',
              'sv-x-plain': 'Nej. Fråga sjuksköterskan.',
              en: "No. Medicines are handled under delegation and the nurse's instructions. Contact the nurse.",
            },
          },
          {
            key: 'falskt',
            correct: true,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Rätt. Sjuksköterskan avgör hur dosen ska hanteras när personen inte är hemma.',
              'sv-x-plain': 'Rätt. Sjuksköterskan bestämmer.',
              en: 'Correct. The nurse decides how the dose is handled when the person is away.',
            },
          },
        ],
      },
      {
        key: 'las-gar-inte-upp',
        kind: 'single',
        prompt: {
          sv: 'Det digitala låset går inte att öppna vid ditt besök. Vad gör du?',
          'sv-x-plain': 'Det digitala låset öppnar inte. Vad gör du?',
          en: 'The digital lock will not open when you arrive. What do you do?',
        },
        options: [
          {
            key: 'reservrutin',
            correct: true,
            text: {
              sv: 'Följer reservrutinen, felanmäler och dokumenterar.',
              'sv-x-plain': 'Jag gör som rutinen säger. Jag säger till om felet. Jag skriver vad som hände.',
              en: 'Follow the backup routine, report the fault and document.',
            },
            feedback: {
              sv: 'Rätt. Personen ska få sitt besök, och felet ska åtgärdas.',
              'sv-x-plain': 'Rätt. Personen ska få hjälp. Felet ska lagas.',
              en: 'Correct. The person should get their visit, and the fault should be fixed.',
            },
          },
          {
            key: 'hoppa-over',
            correct: false,
            text: {
              sv: 'Hoppar över besöket och tar nästa.',
              'sv-x-plain': 'Jag går till nästa person.',
              en: 'Skip the visit and go on to the next one.',
            },
            feedback: {
              sv: 'Nej. Personen har rätt till sin insats. Reservrutinen finns för det här läget.',
              'sv-x-plain': 'Nej. Personen ska få sin hjälp.',
              en: 'No. The person is entitled to their service. The backup routine exists for exactly this.',
            },
          },
          {
            key: 'lamna-olast',
            correct: false,
            text: {
              sv: 'Kommer in via en granne och lämnar sedan dörren olåst så att nästa kollega kommer in.',
              'sv-x-plain': 'Jag lämnar dörren olåst till nästa kollega.',
              en: 'Get in via a neighbour and then leave the door unlocked so the next colleague can get in.',
            },
            feedback: {
              sv: 'Nej. En olåst dörr gör personen otrygg och kan vara farlig. Följ reservrutinen.',
              'sv-x-plain': 'Nej. Dörren ska alltid vara låst.',
              en: 'No. An unlocked door makes the person unsafe and can be dangerous. Follow the backup routine.',
            },
          },
        ],
      },
      {
        key: 'uppfoljning-underlag',
        kind: 'true_false',
        prompt: {
          sv: 'Det du ser och dokumenterar i vardagen är ett viktigt underlag när insatsen följs upp.',
          'sv-x-plain': 'Det du ser och skriver hjälper när vi kollar om hjälpen fungerar.',
          en: 'What you see and document in everyday work is important input when the service is followed up.',
        },
        options: [
          {
            key: 'sant',
            correct: true,
            text: { sv: 'Sant', 'sv-x-plain': 'Sant', en: 'True' },
            feedback: {
              sv: 'Rätt. Utan dina iakttagelser blir uppföljningen gissningar.',
              'sv-x-plain': 'Rätt. Det du ser är viktigt.',
              en: 'Correct. Without your observations, follow-up is guesswork.',
            },
          },
          {
            key: 'falskt',
            correct: false,
            text: { sv: 'Falskt', 'sv-x-plain': 'Falskt', en: 'False' },
            feedback: {
              sv: 'Fel. Du ser personen oftast av alla, och dina iakttagelser behövs.',
              'sv-x-plain': 'Fel. Du träffar personen ofta. Det du ser behövs.',
              en: 'Wrong. You see the person most often of anyone, and your observations are needed.',
            },
          },
        ],
      },
    ],
  },
  reflectionQuestions: [
    {
      sv: 'Välj ett hjälpmedel som vi använder. Vet alla i gruppen vad vi gör när det inte fungerar? Var står rutinen?',
      'sv-x-plain':
        'Välj ett hjälpmedel som vi har. Vet alla vad vi gör när det inte fungerar? Var finns rutinen?',
      en: 'Choose an aid we use. Does everyone in the team know what we do when it fails? Where is the routine?',
    },
    {
      sv: 'Tänk på en person som har fått ett nytt hjälpmedel. Hur följde vi upp hur hen upplever det? Vad kunde vi ha gjort bättre?',
      'sv-x-plain':
        'Tänk på en person som har fått ny teknik. Hur frågade vi vad hen tycker? Vad kan vi göra bättre?',
      en: 'Think of someone who has been given a new aid. How did we follow up how they experience it? What could we have done better?',
    },
    {
      sv: 'Vilket av de fem hjälpmedlen skulle kunna göra skillnad för någon vi möter? Hur för vi fram det till chefen eller biståndshandläggaren?',
      'sv-x-plain': 'Vilket hjälpmedel kan hjälpa någon som vi träffar? Hur berättar vi det för chefen?',
      en: 'Which of the five aids could make a difference for someone we support? How do we raise that with the manager or needs assessor?',
    },
  ],
};
