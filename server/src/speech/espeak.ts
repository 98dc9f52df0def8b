import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { VisitorLanguage } from '@luukku/shared';

/** espeak-ng's voice for each visitor language; Somali has none, so it is left out. */
const voices: Partial<Record<VisitorLanguage, string>> = {
  fi: 'fi', 'fi-x-easy': 'fi', sv: 'sv', en: 'en-gb', ru: 'ru', uk: 'uk', et: 'et', ar: 'ar', fa: 'fa',
};

/** The languages espeak-ng at `path` can say (none when it is not installed or turned off). */
export function espeakLanguages(path: string): VisitorLanguage[] {
  if (!path || !existsSync(path)) return [];
  return Object.keys(voices) as VisitorLanguage[];
}

/**
 * Renders one phrase as a WAV file with espeak-ng. execFile with an argument list, no shell, and
 * the text after `--`, so nothing in it is read as an option. espeak-ng writes its WAV to a pipe
 * with placeholder sizes (it cannot seek back); they are set right here, as some players insist.
 */
export function renderWithEspeak(path: string, lang: VisitorLanguage, text: string): Promise<Buffer> {
  const voice = voices[lang];
  if (!voice) return Promise.reject(new Error(`espeak-ng has no voice for ${lang}`));
  return oneOfFew(() => run(path, voice, text));
}

/** At most this many espeak-ng processes at once: a burst of new phrases must not crowd out the queue's work. */
const maxRunning = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function oneOfFew<T>(job: () => Promise<T>): Promise<T> {
  // a finished job hands its slot straight to the next in line, so `running` never overshoots
  if (running >= maxRunning) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function run(path: string, voice: string, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      path,
      ['-v', voice, '-s', '150', '--stdout', '--', text],
      { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, timeout: 15_000, windowsHide: true },
      (err, stdout) => {
        if (err) return reject(err);
        try {
          resolve(fixWavSizes(stdout));
        } catch (e) {
          reject(e as Error);
        }
      },
    );
  });
}

/** Sets the RIFF and data chunk sizes of a streamed WAV to the real ones. */
export function fixWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('espeak-ng did not write a WAV file');
  }
  wav.writeUInt32LE(wav.length - 8, 4);
  // walk the chunks to "data": espeak-ng writes only "fmt " before it, but do not rely on that
  let at = 12;
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    if (id === 'data') {
      wav.writeUInt32LE(wav.length - at - 8, at + 4);
      return wav;
    }
    at += 8 + wav.readUInt32LE(at + 4);
  }
  throw new Error('espeak-ng wrote a WAV file without data');
}
