import type CrossFrameLMSClass from 'scorm-again/cross-frame-lms';
import type Scorm12API from 'scorm-again/scorm12';
import type Scorm2004API from 'scorm-again/scorm2004';
import type { FlatCmi, ScormCommit, ScormLaunch } from '../../../../shared/contracts/scorm-runtime.ts';

/**
 * One SCO's run-time session (ADR 21): scorm-again's SCORM API runs here, in our page, and the package's
 * page in the sandboxed frame reaches it only through scorm-again's cross-frame messages (the frame's
 * bridge script, served with the package). Commits go to `onCommit`, which puts them in the outbox;
 * a preview (no enrolment) keeps nothing.
 */
export interface ScormSession {
  /** The frame's name: the saved data, which the bridge reads before the SCO asks for it. */
  frameName: string;
  dispose(): void;
}

type CommitTrigger = (commit: ScormCommit) => void;

/** Only values: scorm-again also lists empty collections (`cmi.interactions: {}`), which carry nothing. */
function valuesOnly(params: unknown): FlatCmi {
  const out: FlatCmi = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

/** Whether a message's source is the frame or a frame within it (`parent` is readable across origins). */
function fromFrame(source: MessageEventSource | null, frame: Window | null): boolean {
  if (!frame || !source || !('parent' in source)) return false;
  for (let w: Window = source; ; w = w.parent) {
    if (w === frame) return true;
    if (w === w.parent || w === window) return false;
  }
}

export async function startScormSession(opts: {
  format: 'scorm12' | 'scorm2004';
  launch: Pick<ScormLaunch, 'attempt' | 'commitSeq' | 'cmi'> | null;
  frame: () => Window | null;
  onCommit: CommitTrigger;
}): Promise<ScormSession> {
  // scorm-again's ES modules export their classes by name; its type declarations say default.
  const [{ CrossFrameLMS }, Api] = await Promise.all([
    import('scorm-again/cross-frame-lms') as unknown as Promise<{ CrossFrameLMS: typeof CrossFrameLMSClass }>,
    opts.format === 'scorm12'
      ? (import('scorm-again/scorm12') as unknown as Promise<{ Scorm12API: typeof Scorm12API }>).then(
          (m) => m.Scorm12API,
        )
      : (import('scorm-again/scorm2004') as unknown as Promise<{ Scorm2004API: typeof Scorm2004API }>).then(
          (m) => m.Scorm2004API,
        ),
  ]);
  let seq = opts.launch?.commitSeq ?? 0;
  let terminated = false;
  const attempt = opts.launch?.attempt ?? 1;
  const outbox = {
    processHttpRequest(
      _url: string,
      params: unknown,
      _immediate: boolean,
      _log: unknown,
      _listeners: unknown,
      metadata?: { isTerminateCommit: boolean },
    ) {
      terminated ||= !!metadata?.isTerminateCommit;
      if (opts.launch) {
        seq += 1;
        opts.onCommit({ attempt, seq, cmi: valuesOnly(params), terminated: !!metadata?.isTerminateCommit });
      }
      return { result: 'true', errorCode: 0 };
    },
    updateSettings() {},
  };
  const api = new Api(
    {
      // Any URL: commits go to `outbox`, never over the network from here.
      lmsCommitUrl: 'outbox',
      dataCommitFormat: 'flattened',
      autocommit: true,
      autocommitSeconds: 15,
      autoPopulateCommitMetadata: true,
      logLevel: 'NONE',
    },
    outbox,
  );
  if (opts.launch && Object.keys(opts.launch.cmi).length) api.loadFromFlattenedJSON(opts.launch.cmi, '');
  // Messages from anything but our frame or the frames inside it (an old frameset package posts from
  // an inner frame) are not passed on: not from a window the package opened, nor from another tab.
  const onlyOurFrame = (ev: MessageEvent) => {
    if (!fromFrame(ev.source, opts.frame())) ev.stopImmediatePropagation();
  };
  window.addEventListener('message', onlyOurFrame);
  // The frame's origin is opaque ('null'), so replies cannot name it: the source check above guards.
  const lms = new CrossFrameLMS(api, '*');
  return {
    frameName: JSON.stringify({ vnScorm: 1, cmi: valuesOnly(api.getFlattenedCMI()) }),
    dispose() {
      // Leaving mid-SCO: what it set since its last commit is kept too.
      if (api.isInitialized() && !terminated) api.lmsCommit();
      lms.destroy();
      window.removeEventListener('message', onlyOurFrame);
    },
  };
}
