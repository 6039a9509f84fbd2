/**
 * A short beep per outcome, so the invigilator hears what happened without looking up: high for
 * found and confirmed, a double mid tone for a warning (checked in already), low and long for a
 * refusal. WebAudio: no sound files to ship; a PC without audio just stays silent.
 */
export type Tone = 'found' | 'confirmed' | 'warning' | 'error';

const TONES: Record<Tone, [frequency: number, seconds: number][]> = {
  found: [[880, 0.08]],
  confirmed: [[1320, 0.12]],
  warning: [
    [660, 0.09],
    [660, 0.09],
  ],
  error: [[220, 0.35]],
};

let context: AudioContext | null = null;

export function beep(tone: Tone): void {
  try {
    context ??= new AudioContext();
    let at = context.currentTime;
    for (const [frequency, seconds] of TONES[tone]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, at);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds);
      at += seconds + 0.05;
    }
  } catch {
    // No audio device, or the browser refuses audio: the message on screen says it all.
  }
}
