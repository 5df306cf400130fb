import { parseScormManifest, type ScormManifest, ScormManifestError } from './scorm-manifest.ts';

/** Manifests as SCORM authoring tools write them, and builders for the variations the tests need. */

export const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
export const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
export const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const ADLSEQ = 'http://www.adlnet.org/xsd/adlseq_v1p3';
export const IMSSS = 'http://www.imsglobal.org/xsd/imsss';
export const META = (v: string) =>
  `<metadata><schema>ADL SCORM</schema><schemaversion>${v}</schemaversion></metadata>`;

/** What Articulate Storyline exports for a single-SCO SCORM 1.2 course. */
export const STORYLINE_12 = `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="no"?>
<manifest identifier="Brandsakerhet_SCORM12" version="1.0" xmlns="${CP12}" xmlns:adlcp="${ADLCP12}"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${CP12} imscp_rootv1p1p2.xsd ${ADLCP12} adlcp_rootv1p2.xsd">
  ${META('1.2')}
  <organizations default="Brandsakerhet_ORG">
    <organization identifier="Brandsakerhet_ORG">
      <title>Brandsäkerhet i hemtjänsten</title>
      <item identifier="Brandsakerhet_SCO" identifierref="Brandsakerhet_RES" isvisible="true">
        <title>Brandsäkerhet i hemtjänsten</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="Brandsakerhet_RES" type="webcontent" adlcp:scormtype="sco" href="index_lms.html">
      <file href="index_lms.html"/><file href="story.html"/><file href="story_content/data.js"/>
    </resource>
  </resources>
</manifest>`;
export const STORYLINE_FILES = new Set([
  'imsmanifest.xml',
  'index_lms.html',
  'story.html',
  'story_content/data.js',
]);

/** A multi-SCO SCORM 1.2 course with modules (clusters), mastery scores and a PDF asset. */
export const MULTI_12 = `<?xml version="1.0"?>
<manifest identifier="Lakemedel_12" version="1.1" xmlns="${CP12}" xmlns:adlcp="${ADLCP12}">
  ${META('1.2')}
  <organizations default="ORG1">
    <organization identifier="ORG1">
      <title>
        Läkemedelshantering
      </title>
      <item identifier="M1">
        <title>Modul 1: Grunder</title>
        <item identifier="M1_S1" identifierref="R1"><title>Delegering</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
          <adlcp:maxtimeallowed>00:45:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
          <adlcp:datafromlms>kommun=0180</adlcp:datafromlms>
        </item>
        <item identifier="M1_S2" identifierref="R2" parameters="?avsnitt=2"><title>Dosering</title>
          <adlcp:masteryscore>72.5</adlcp:masteryscore></item>
      </item>
      <item identifier="PDF" identifierref="R3" isvisible="false"><title>Lathund</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="sco1/index.html"/>
    <resource identifier="R2" type="webcontent" adlcp:scormtype="sco" href="./sco2/start.html?lang=sv"/>
    <resource identifier="R3" type="webcontent" adlcp:scormtype="asset" href="docs/lathund.pdf"/>
  </resources>
</manifest>`;

/** SCORM 2004 4th edition with flow navigation, a precondition and measured objectives. */
export const SEQUENCED_2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="se.valfardsnavet.dokumentation" version="1" xmlns="${CP}" xmlns:adlcp="${ADLCP}"
  xmlns:adlseq="${ADLSEQ}" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="${IMSSS}">
  ${META('2004 4th Edition')}
  <organizations default="ORG">
    <organization identifier="ORG" adlseq:objectivesGlobalToSystem="false">
      <title> Dokumentation enligt SoL </title>
      <item identifier="MOD1">
        <title>Grunder</title>
        <item identifier="LES1" identifierref="RES_LES1">
          <title>Varför dokumentera?</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
          <imsss:sequencing><imsss:objectives>
            <imsss:primaryObjective objectiveID="les1" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
              <imsss:mapInfo targetObjectiveID="global.les1" writeSatisfiedStatus="true"/>
            </imsss:primaryObjective>
          </imsss:objectives></imsss:sequencing>
        </item>
        <item identifier="TEST1" identifierref="RES_TEST1" parameters="?mode=exam">
          <title>Kunskapstest</title>
          <adlcp:timeLimitAction>exit,message</adlcp:timeLimitAction>
          <adlcp:dataFromLMS>lang=sv</adlcp:dataFromLMS>
          <imsss:sequencing>
            <imsss:sequencingRules><imsss:preConditionRule>
              <imsss:ruleConditions><imsss:ruleCondition referencedObjective="les1done" operator="not" condition="satisfied"/></imsss:ruleConditions>
              <imsss:ruleAction action="disabled"/>
            </imsss:preConditionRule></imsss:sequencingRules>
            <imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT30M"/>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="test1" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
              <imsss:objective objectiveID="les1done"><imsss:mapInfo targetObjectiveID="global.les1"/></imsss:objective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
      </item>
      <item identifier="SUMMARY" identifierref="RES_PDF" isvisible="false"><title>Sammanfattning</title></item>
      <imsss:sequencing>
        <imsss:controlMode choice="false" flow="true"/>
        <imsss:rollupRules><imsss:rollupRule childActivitySet="all">
          <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
          <imsss:rollupAction action="satisfied"/>
        </imsss:rollupRule></imsss:rollupRules>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="RES_LES1" type="webcontent" adlcp:scormType="sco" href="les1/index.html"/>
    <resource identifier="RES_TEST1" type="webcontent" adlcp:scormType="sco" href="test/index.html?lang=sv"/>
    <resource identifier="RES_PDF" type="webcontent" adlcp:scormType="asset" href="sammanfattning.pdf"/>
  </resources>
</manifest>`;

/** SCORM 2004 3rd edition, where completionThreshold is the element's text. */
export const THIRD_2004 = `<?xml version="1.0"?>
<manifest identifier="Lyftteknik" xmlns="${CP}" xmlns:adlcp="${ADLCP}" xmlns:imsss="${IMSSS}">
  ${META('2004 3rd Edition')}
  <organizations><organization identifier="O"><title>Lyftteknik</title>
    <item identifier="I1" identifierref="R1"><title>Förflyttning</title>
      <adlcp:completionThreshold>0.75</adlcp:completionThreshold></item>
  </organization></organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
</manifest>`;

export const parse = (xml: string, files?: Iterable<string>): ScormManifest =>
  parseScormManifest(xml, files ? { packageFiles: new Set(files) } : {});

export function refusal(xml: string, files?: Iterable<string>): ScormManifestError {
  try {
    parse(xml, files);
  } catch (error) {
    if (error instanceof ScormManifestError) return error;
    throw error;
  }
  throw new Error('the manifest was accepted');
}

export interface Parts {
  meta?: string;
  root?: string;
  orgs?: string;
  items?: string;
  resources?: string;
}
/** A SCORM 1.2 manifest with one organisation, assembled from the parts given. */
export function m12(parts: Parts = {}): string {
  const {
    meta = META('1.2'),
    root = '',
    items = '<item identifier="I1" identifierref="R1"><title>Del 1</title></item>',
    resources = '<resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>',
  } = parts;
  const orgs =
    parts.orgs ??
    `<organizations default="O"><organization identifier="O"><title>Kurs</title>${items}</organization></organizations>`;
  return `<manifest identifier="M" xmlns="${CP12}" xmlns:adlcp="${ADLCP12}"${root}>${meta}${orgs}<resources>${resources}</resources></manifest>`;
}
export const launchOf = (href: string, parameters = '', bases = { root: '', resources: '', resource: '' }) =>
  parse(
    `<manifest identifier="M" xmlns="${CP12}" xmlns:adlcp="${ADLCP12}"${bases.root}>${META('1.2')}<organizations><organization identifier="O"><item identifier="I" identifierref="R" parameters="${parameters}"/></organization></organizations><resources${bases.resources}><resource identifier="R" adlcp:scormtype="sco" href="${href}"${bases.resource}/></resources></manifest>`,
  ).scos[0]?.launch;
