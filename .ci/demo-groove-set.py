#!/usr/bin/env python3
"""The must-show marks of following the player (docs/timing.md), measured through the real `demo` command.

Calls: the first four bars (`--bars`) of Nottingham test-split melodies in 2/4 or 4/4 (`--metres`: others, e.g. 3/4; MIDI/melody,
the folk corpus's test split: CRC-32 of the file name mod 10 == 9), every other one with a rest of one or two beats inserted inside the phrase,
performed at 72, 96 and 140 BPM with Gaussian onset jitter (sd 12 ms; `--jitter-shape uniform`: within +-12 ms), notes held 90 % of their value (`--hold`), and a velocity
crescendo from 50 to 100 (+-3; `--accent N`: the notes on the beat N louder, as a player who leans on the beat), written as
Standard MIDI Files with no tempo event. Each is played by
`java -jar JAR demo --call FILE --preset folk --out DIR/NAME --json`; the session.mid it writes (track 1 the human,
track 2 the answer) is scored against the player's grid (the performed tempo; its phase the mean offset of the call's
onsets from their score positions): the share of answer onsets within 30 ms of its sixteenths, the first answer note's distance to the nearest player beat, the answer's
mean velocity against the mean of the call's last four notes and its standard deviation, whether the answer began
before the call's last note, and the demo's hanging notes.

    python3 .ci/demo-groove-set.py --data ../shared/data --jar native-config/target/antiphon.jar --out /tmp/groove-set

With `--calls DIR` instead of `--data`, the calls are your own: the Standard MIDI Files in DIR (".mid", ".midi", by
name, `--tunes` of them), the first four 4/4 bars (`--bars`) of each from the bar of its first note, one note per onset (a chord's
lowest), as `groove --calls` takes them; a file that cannot be read or has fewer than 8 notes there is passed over
with a sentence saying why.
"""
import argparse, json, math, os, random, statistics, subprocess, zlib

from standard_midi import read_smf, write_call


def read_tracks(path):
    """Note-ons (ms, velocity) per track, through the file's tempo map."""
    tpq, tracks = read_smf(path)
    tempo = {tick: int.from_bytes(data[1], 'big') for events in tracks for tick, status, data in events
             if status == 0xFF and data[0] == 0x51}
    changes = sorted(tempo.items()) or [(0, 500000)]
    if changes[0][0] != 0: changes.insert(0, (0, 500000))

    def ms(t):
        out, last, us = 0.0, 0, changes[0][1]
        for at, value in changes:
            if at > t: break
            out += (at - last) * us / tpq; last, us = at, value
        return (out + (t - last) * us / tpq) / 1000
    ons = [[(tick, data[1]) for tick, status, data in events if status & 0xF0 == 0x90 and data[1] > 0] for events in tracks]
    return [[(ms(t), v) for t, v in events] for events in ons if events]


def read_melody(path, bars=4):
    """(onset, duration, pitch) in quarters of the file's notes, through its ticks per quarter (tempo events are not
    needed: a call's score is its ticks); one note per onset tick, the lowest; the first `bars` 4/4 bars (16 quarters for 4) from the bar
    of the first note; channel 10 (drums) left out."""
    division, tracks = read_smf(path)
    notes = []
    for events in tracks:
        sounding = {}
        for tick, status, data in events:
            kind = status & 0xF0
            if kind not in (0x80, 0x90) or (status & 0x0F) == 9:
                continue
            key, velocity = data
            if kind == 0x90 and velocity > 0:
                sounding.setdefault(key, []).append(tick)
            elif sounding.get(key):
                start = sounding[key].pop(0)
                notes.append((start, max(1, tick - start), key))
    if not notes:
        return []
    notes.sort()
    bar = (notes[0][0] / division) // 4 * 4
    melody, last = [], None
    for start, length, key in notes:
        onset = start / division - bar
        if onset >= 4 * bars or start == last:
            continue
        last = start
        melody.append((onset, length / division, key))
    return melody


def corpus_calls(data, metres, count, seed, bars=4):
    """(title, melody) of `count` test-split Nottingham tunes in `metres`, shuffled by `seed`: the first `bars` bars."""
    metres = [[int(x) for x in m.split('/')] for m in metres.split(',')]
    corpus = json.load(open(os.path.join(data, 'nottingham-midi', 'melody-notes.json')))
    tpq = corpus['ticksPerQuarter']
    tunes = [t for t in corpus['tunes'] if zlib.crc32(t['file'].encode()) % 10 == 9
             and all(ts[1:] in metres for ts in t['timeSignatures'])]
    random.Random(seed).shuffle(tunes)
    calls = []
    for tune in tunes[:count]:
        notes = [(n[0] / tpq, n[1] / tpq, n[2]) for n in tune['notes']]
        # a bar, in quarters: 4 for 2/4 and 4/4 (a call is 16 quarters, as it always was), else the tune's own
        metre = tune['timeSignatures'][0][1:]
        quarters = 4 if metre in ([4, 4], [2, 4]) else metre[0] * 4 / metre[1]
        bar = (notes[0][0] // quarters) * quarters
        calls.append((tune['file'][:-4], [(o - bar, d, pitch) for o, d, pitch in notes if o - bar < bars * quarters]))
    return calls


def own_calls(folder, count, bars=4):
    """(title, melody) of the first `count` usable Standard MIDI Files in `folder`, by name (see the module's text)."""
    if not os.path.isdir(folder):
        raise SystemExit(f'{folder}: no such folder of calls')
    calls = []
    for file in sorted(os.listdir(folder)):
        if len(calls) == count:
            break
        path = os.path.join(folder, file)
        if not file.lower().endswith(('.mid', '.midi')) or not os.path.isfile(path):
            continue
        try:
            melody = read_melody(path, bars)
        except ValueError as e:
            print(f'{file}: passed over: {e}')
            continue
        if len(melody) < 8:
            print(f'{file}: passed over: {len(melody)} notes in its first {bars} bars, fewer than 8')
            continue
        calls.append((os.path.splitext(file)[0], melody))
    if not calls:
        raise SystemExit(f'{folder}: no usable call (a Standard MIDI File with 8 notes or more in its first {bars} bars)')
    return calls


def main():
    p = argparse.ArgumentParser()
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument('--data', help='the data directory holding nottingham-midi (the test split\'s tunes)')
    source.add_argument('--calls', help='a folder of your own calls (Standard MIDI Files)')
    p.add_argument('--jar', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--tunes', type=int, default=8)
    p.add_argument('--bars', type=int, default=4, help='how many bars of each tune make its call (from 1)')
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--metres', default='2/4,4/4', help='the time signatures of the tunes taken, e.g. 3/4')
    p.add_argument('--hold', type=float, default=0.9,
                   help="the share of its value each note is held (1.0: to the next note's unjittered onset, so a repeated note's "
                        "note-off can come just after its next note-on, as in a file written legato)")
    p.add_argument('--accent', type=int, default=0, help='how much louder the notes on the beat are played (default 0)')
    p.add_argument('--jitter-shape', choices=('gaussian', 'uniform'), default='gaussian',
                   help='the onsets\' jitter: Gaussian with sd 12 ms, or uniform within +-12 ms')
    a = p.parse_args()
    if a.bars < 1:
        p.error(f'--bars {a.bars}: a call is one bar or more')
    if not os.path.isfile(a.jar):
        p.error(f'--jar {a.jar}: no such file (build it with: mvn -B -q package -DskipTests)')
    if a.calls:
        melodies = own_calls(a.calls, a.tunes, a.bars)
    else:
        melodies = corpus_calls(a.data, a.metres, a.tunes, a.seed, a.bars)
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    rows = []
    for k, (title, melody) in enumerate(melodies):
        rest = 0
        if k % 2 == 1:
            rest = 1 + k // 2 % 2
            candidates = [i for i, (o, _, _) in enumerate(melody) if 4 <= o <= 10 and abs(o - round(o)) < 1e-6 and i + 1 < len(melody)]
            after = candidates[len(candidates) // 2] if candidates else len(melody) // 2
            melody = [(o + (rest if j > after else 0), d, pitch) for j, (o, d, pitch) in enumerate(melody)]
        for bpm in (72, 96, 140):
            beat = 60000 / bpm
            call = []
            for j, (o, d, pitch) in enumerate(melody):
                on = 1000 + o * beat + (rng.gauss(0, 12) if a.jitter_shape == 'gaussian' else rng.uniform(-12, 12))
                accent = a.accent if abs(o - round(o)) < 1e-6 else 0
                velocity = max(1, min(127, round(50 + 50 * j / max(1, len(melody) - 1) + accent + rng.uniform(-3, 3))))
                call.append((on, max(1000 + (o + d * a.hold) * beat, on + 40), pitch, velocity))
            name = f"{title}_{bpm}_rest{rest}"
            path = os.path.join(a.out, name + '.mid')
            write_call(path, call)
            result = subprocess.run(['java', '-jar', a.jar, 'demo', '--call', path, '--preset', 'folk',
                                     '--out', os.path.join(a.out, name), '--json'], capture_output=True, text=True)
            if result.returncode != 0:
                print(f'{name}: demo failed: {result.stderr.strip()[:200]}')
                continue
            report = json.loads(result.stdout)
            human, answer = read_tracks(os.path.join(a.out, name, 'session.mid'))[:2]
            if len(human) != len(melody):
                print(f'{name}: the session holds {len(human)} call notes, the call {len(melody)}; not scored')
                continue
            six = beat / 4
            # the player's grid: score beat o is at phase + o * beat; the phase is the mean over the call's notes
            # (jitter averages out)
            phase = statistics.mean(t - o * beat for (t, _), (o, _, _) in zip(human, melody))

            def off(t, unit):
                x = (t - phase) % unit
                return min(x, unit - x)
            share = sum(1 for t, _ in answer if off(t, six) <= 30) / len(answer)
            level = statistics.mean(v for _, v in human[-4:])
            velocities = [v for _, v in answer]
            row = dict(name=name, bpm=bpm, rest=rest, tracked_bpm=report.get('tempo_bpm'), grid=share,
                       entrance_ms=off(answer[0][0], beat), wait_beats=(answer[0][0] - human[-1][0]) / beat,
                       velocity_gap=statistics.mean(velocities) - level, velocity_sd=statistics.pstdev(velocities),
                       inside=answer[0][0] < human[-1][0], hanging=report.get('hanging_notes'))
            rows.append(row)
            print(f"{name:24s} tracked {row['tracked_bpm']:6.1f} grid {share:4.0%} entrance {row['entrance_ms']:4.0f} ms "
                  f"wait {row['wait_beats']:4.1f} beats velocity gap {row['velocity_gap']:+5.1f} sd {row['velocity_sd']:4.1f} "
                  f"inside {row['inside']} hanging {row['hanging']}")
    grid = [r['grid'] for r in rows]
    print(json.dumps({'cases': len(rows), 'grid_mean': round(statistics.mean(grid), 3), 'grid_min': round(min(grid), 3),
                      'grid_below_70': sum(g < 0.7 for g in grid),
                      'entrance_over_40_ms': sum(r['entrance_ms'] > 40 for r in rows),
                      'velocity_gap_over_15': sum(abs(r['velocity_gap']) > 15 for r in rows),
                      'velocity_sd_below_3': sum(r['velocity_sd'] < 3 for r in rows),
                      'answered_inside': sum(r['inside'] for r in rows),
                      'hanging_notes': sum(r['hanging'] or 0 for r in rows)}))


if __name__ == '__main__':
    main()
