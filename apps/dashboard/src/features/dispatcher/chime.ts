/**
 * A short two-tone chime for a new assignment, synthesised with the Web Audio API (no audio file to ship). Browsers
 * keep an AudioContext suspended until the page had a user gesture; the chime then stays silent and the visual cue
 * alone tells the dispatcher — never an error.
 */
const MUTE_KEY = 'hotline.dispatch.muted';
let ctx: AudioContext | null = null;

export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // The choice then lasts for this page only.
  }
}

/** Count of chimes actually scheduled (the browser test reads it: headless Chromium has no speaker to listen to). */
export const chimeStats = { played: 0 };

export function playChime(): void {
  if (isMuted()) return;
  try {
    const Ctor =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.01;
    [880, 1320].forEach((freq, i) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t0 = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.16);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(t0);
      osc.stop(t0 + 0.17);
    });
    chimeStats.played++;
    (window as unknown as { __dispatchChimes?: number }).__dispatchChimes = chimeStats.played;
  } catch {
    // No audio device: the visual cue is enough.
  }
}
