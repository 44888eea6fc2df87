/** Short sound cues made with WebAudio (no audio files). */
let ctx: AudioContext | null = null;

function tone(freq: number, ms: number, when = 0): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    const t = ctx.currentTime + when;
    osc.start(t);
    osc.stop(t + ms / 1000);
  } catch {
    /* no audio device: the on-screen message is the cue */
  }
}

/** Two low tones: unknown or refused scan. */
export function beepError(): void {
  tone(220, 180);
  tone(180, 220, 0.22);
}

/** One short high tone: scan accepted. */
export function beepOk(): void {
  tone(1200, 60);
}

/** Creates the audio context ahead of time, so the first beep does not stall a scan burst. */
export function warmUpAudio(): void {
  try {
    ctx ??= new AudioContext();
  } catch {
    /* no audio */
  }
}

/** Two mid tones: accepted but needs attention (duplicate, wrong location). */
export function beepWarn(): void {
  tone(660, 90);
  tone(660, 90, 0.14);
}
