#!/usr/bin/env python3
"""How much of a call the answer reuses (docs/models.md, Learning the player), measured through the real `demo` command.

Calls nobody here wrote, two kinds:
- the third-party MIDI test set of the data folder (midi-reader-testset: music21's parser fixtures, the piano-midi.de
  Bach and Debussy files, the Bartok score): the top line (the highest note starting at each onset) of the first 32
  beats, each note held to the next onset at most; calls with fewer than 12 notes or 4 distinct pitches left out;
  written as they stand (score time, velocity 80) at the default 120 BPM;
- Nottingham test-split tunes (the folk corpus's test split: CRC-32 of the file name mod 10 == 9), the first 32 beats
  of the melody, performed the way a person plays: 72, 96 or 140 BPM in turn, Gaussian onset jitter (sd 12 ms), notes
  held 90 % of their value, a velocity crescendo from 50 to 100 (+-3).
All are Standard MIDI Files with no tempo event. Each is played by
`java -jar JAR demo --call FILE --preset P --seed S --out DIR --json` (adaptation on, the preset's default `adapt`,
or `--set adapt=X` with --adapt X), and the session.mid it writes (track 1 the human, track 2 the answer) is read back:
per answer, the share of the answer top line's pitch-interval 3-grams (three-interval motifs) that occur in the call's
top line (as MotifShare does), the share of the answer's top-line notes in the call's key (the major scale holding
the most call notes), copying (the share of the answer's 8-interval runs found verbatim in the call) and the answer's
notes. The summary per preset: means, the number of answers reusing less than 0.1 of their motifs, and the spread.

    python3 .ci/demo-motif-set.py --data ../shared/data --jar native-config/target/antiphon.jar --out /tmp/motif-set \
        --presets folk,chorale --seeds 1,2 --third-party 12 --nottingham 12 --jobs 3
"""
import argparse, json, os, random, statistics, subprocess, zlib
from concurrent.futures import ThreadPoolExecutor

from standard_midi import paired_notes, top_line, write_call

BEATS = 32


def third_party_calls(folder):
    calls = []
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if not name.endswith('.mid'): continue
            path = os.path.join(root, name)
            try:
                notes, tpq = paired_notes(path)
            except ValueError:
                continue
            notes = [n for n in notes if n[3] != 9]   # no drums
            if not notes: continue
            first = min(n[0] for n in notes)
            line = top_line([n for n in notes if n[0] - first < BEATS * tpq])
            melody = []
            for k, (s, e, p) in enumerate(line):
                nxt = line[k + 1][0] if k + 1 < len(line) else e
                melody.append(((s - first) / tpq, max(min(e, nxt) - s, tpq / 8) / tpq, p))
            if len(melody) >= 12 and len({p for _, _, p in melody}) >= 4:
                calls.append((name[:-4], melody))
    return calls


def nottingham_calls(data):
    corpus = json.load(open(os.path.join(data, 'nottingham-midi', 'melody-notes.json')))
    tpq = corpus['ticksPerQuarter']
    tunes = [t for t in corpus['tunes'] if zlib.crc32(t['file'].encode()) % 10 == 9]
    calls = []
    for tune in tunes:
        notes = [(n[0] / tpq, n[1] / tpq, n[2]) for n in tune['notes']]
        first = notes[0][0]
        melody = [(o - first, d, p) for o, d, p in top_line([(o, o + d, p, 0, 0) for o, d, p in notes])
                  for o, d in [(o, d - o)] if o - first < BEATS]
        if len(melody) >= 12: calls.append((tune['file'][:-4], melody))
    return calls


def score(call_line, answer_line):
    def grams(line, n):
        return [tuple(line[i + k + 1] - line[i + k] for k in range(n)) for i in range(len(line) - n)]
    known3, known8 = set(grams(call_line, 3)), set(grams(call_line, 8))
    a3, a8 = grams(answer_line, 3), grams(answer_line, 8)
    root = max(range(12), key=lambda r: (sum((p - r) % 12 in (0, 2, 4, 5, 7, 9, 11) for p in call_line), -r))
    key = sum((p - root) % 12 in (0, 2, 4, 5, 7, 9, 11) for p in answer_line) / len(answer_line) if answer_line else None
    motif = sum(g in known3 for g in a3) / len(a3) if a3 else None
    copying = sum(g in known8 for g in a8) / len(a8) if a8 else None
    return motif, key, copying


def session_lines(path):
    notes, _ = paired_notes(path)
    tracks = {}
    for note in notes:
        tracks.setdefault(note[4], []).append(note)
    lines = [[p for _, _, p in top_line(tracks[t])] for t in sorted(tracks)]
    return (lines + [[], []])[:2]


def run_one(a, preset, seed, name, path, kind):
    out = os.path.join(a.out, f'{preset}-s{seed}', name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = ['java'] + a.java_options.split() + ['-jar', a.jar, 'demo', '--call', path, '--preset', preset, '--seed', str(seed), '--out', out, '--json']
    if a.adapt is not None: cmd += ['--set', f'adapt={a.adapt}']
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        return dict(preset=preset, seed=seed, name=name, kind=kind, error=result.stderr.strip()[:200])
    call_line, answer_line = session_lines(os.path.join(out, 'session.mid'))
    motif, key, copying = score(call_line, answer_line)
    return dict(preset=preset, seed=seed, name=name, kind=kind, call_notes=len(call_line), notes=len(answer_line), motif3=motif,
                key=key, copy8=copying)


def mean(xs):
    xs = [x for x in xs if x is not None]
    return round(statistics.mean(xs), 3) if xs else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--data', required=True)
    p.add_argument('--jar', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--presets', default='folk,chorale')
    p.add_argument('--seeds', default='1,2')
    p.add_argument('--third-party', type=int, default=12, help='third-party calls (at most)')
    p.add_argument('--nottingham', type=int, default=12, help='Nottingham test tunes performed')
    p.add_argument('--adapt', type=float, default=None, help='--set adapt=X (default: the preset\'s)')
    p.add_argument('--java-options', default='', help='JVM options for the demo (e.g. -Dname=value)')
    p.add_argument('--jobs', type=int, default=3, help='demos at once (each mostly waits on real time)')
    p.add_argument('--seed', type=int, default=1, help='the shuffle and the performance\'s randomness')
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, 'calls'), exist_ok=True)
    calls = []
    third = third_party_calls(os.path.join(a.data, 'midi-reader-testset'))
    rng.shuffle(third)
    for name, melody in third[:a.third_party]:
        path = os.path.join(a.out, 'calls', name + '.mid')
        write_call(path, [(1000 + o * 500, 1000 + (o + d) * 500, pitch, 80) for o, d, pitch in melody])
        calls.append((name, path, 'third-party'))
    tunes = nottingham_calls(a.data)
    rng.shuffle(tunes)
    for k, (name, melody) in enumerate(tunes[:a.nottingham]):
        bpm = (72, 96, 140)[k % 3]
        beat = 60000 / bpm
        performed = []
        for j, (o, d, pitch) in enumerate(melody):
            on = 1000 + o * beat + rng.gauss(0, 12)
            velocity = max(1, min(127, round(50 + 50 * j / max(1, len(melody) - 1) + rng.uniform(-3, 3))))
            performed.append((on, max(1000 + (o + d * 0.9) * beat, on + 40), pitch, velocity))
        path = os.path.join(a.out, 'calls', f'{name}_{bpm}.mid')
        write_call(path, performed)
        calls.append((f'{name}_{bpm}', path, 'nottingham'))
    jobs = [(preset, int(seed), name, path, kind) for preset in a.presets.split(',') for seed in a.seeds.split(',')
            for name, path, kind in calls]
    rows = []
    with ThreadPoolExecutor(a.jobs) as pool:
        for row in pool.map(lambda j: run_one(a, *j), jobs):
            rows.append(row)
            if 'error' in row:
                print(f"{row['preset']:8s} s{row['seed']} {row['name']:28s} demo failed: {row['error']}", flush=True)
                continue
            fmt = lambda x: ' -  ' if x is None else f'{x:.2f}'
            print(f"{row['preset']:8s} s{row['seed']} {row['name']:28s} call {row['call_notes']:3d} answer {row['notes']:3d} "
                  f"motif3 {fmt(row['motif3'])} key {fmt(row['key'])} copy8 {fmt(row['copy8'])}", flush=True)
    summary = {}
    for preset in a.presets.split(','):
        ok = [r for r in rows if r['preset'] == preset and 'error' not in r]
        motifs = [r['motif3'] for r in ok if r['motif3'] is not None]
        summary[preset] = dict(answers=len(ok), failed=sum(1 for r in rows if r['preset'] == preset and 'error' in r),
                               motif3_mean=mean(motifs), motif3_median=round(statistics.median(motifs), 3) if motifs else None,
                               motif3_below_0_1=sum(m < 0.1 for m in motifs), motif3_above_0_6=sum(m > 0.6 for m in motifs),
                               key_mean=mean([r['key'] for r in ok]), copy8_mean=mean([r['copy8'] for r in ok]),
                               notes_mean=mean([r['notes'] for r in ok]),
                               motif3_mean_third_party=mean([r['motif3'] for r in ok if r['kind'] == 'third-party']),
                               motif3_mean_nottingham=mean([r['motif3'] for r in ok if r['kind'] == 'nottingham']))
    print(json.dumps(summary))
    with open(os.path.join(a.out, 'rows.json'), 'w') as f:
        json.dump(dict(rows=rows, summary=summary), f, indent=1)


if __name__ == '__main__':
    main()
