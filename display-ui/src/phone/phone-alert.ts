/**
 * A call while the page is open: a short two-note tone and a flashing title, on top of the
 * vibration phone-app already gives. Browsers let a page make sound only after a tap on it,
 * so the first tap anywhere (the opt-in button, say) prepares the audio.
 */
let audio: AudioContext | null = null;

export function prepareSoundOnFirstTap(): void {
  if (audio || typeof AudioContext === 'undefined') return;
  document.addEventListener(
    'pointerdown',
    () => {
      audio ??= new AudioContext();
      void audio.resume();
    },
    { once: true, capture: true },
  );
}

/** Two notes, rising, about half a second: heard in a noisy lobby, not alarming. */
export function chime(): void {
  if (!audio) return;
  if (audio.state === 'suspended') void audio.resume();
  const start = audio.currentTime + 0.02;
  [660, 880].forEach((hz, i) => {
    const osc = audio!.createOscillator();
    const gain = audio!.createGain();
    osc.frequency.value = hz;
    const t = start + i * 0.25;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
    osc.connect(gain).connect(audio!.destination);
    osc.start(t);
    osc.stop(t + 0.24);
  });
}

let flashing: ReturnType<typeof setInterval> | null = null;

/** Alternates the tab's title with `text` for a while, so a page in another tab is noticed. */
export function flashTitle(text: string, times = 12): void {
  if (flashing) clearInterval(flashing);
  const original = document.title;
  let n = 0;
  flashing = setInterval(() => {
    n++;
    document.title = n % 2 === 1 ? `▶ ${text}` : original;
    if (n >= times * 2) {
      clearInterval(flashing!);
      flashing = null;
      document.title = original;
    }
  }, 700);
}
