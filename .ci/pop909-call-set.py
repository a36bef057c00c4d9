#!/usr/bin/env python3
"""A set of calls for `antiphon groove --calls DIR` from the POP909 dataset (music-x-lab/POP909-Dataset on GitHub, MIT
licence; its POP909 folder of song folders NNN with NNN.mid and beat_midi.txt): pop songs' vocal melodies, the MELODY
track, top note per onset, each note cut at the next onset. One window per song: --bars 4/4 bars from the downbeat
(beat_midi.txt's third column) at or before the melody's first note, onsets and ends rounded to sixteenths of the
file's quarter. A song whose beats (beat_midi.txt) are not the file's quarters (within 2 %), whose melody keeps to
sixteenths loosely (median distance over 0.15 of a sixteenth), or whose window holds a silence of more than two
quarters or fewer than eight notes is passed over. Each is written as a Standard MIDI File with no tempo event (480 ticks per quarter), the window's first bar line
on a quarter of the file (a note just before it moves the window a whole beat on), named NNN.mid.

    python3 .ci/pop909-call-set.py --pop909 POP909-Dataset/POP909 --out DIR [--songs 200] [--bars 4]
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standard_midi import empty_call_folder, paired_notes, read_smf, top_line, write_call  # noqa: E402

TOOL = 'pop909-call-set'


def melody_and_tempo(path):
    """([(start, end, pitch)] of the MELODY track, top note per onset, ticks per quarter, microseconds per quarter) or
    None."""
    tpq, tracks = read_smf(path)
    tempo = next((int.from_bytes(bytes(data[1]), 'big') for events in tracks for _, status, data in events
                  if status == 0xFF and data[0] == 0x51), None)
    names = [b''.join(bytes(data[1]) for _, status, data in events if status == 0xFF and data[0] == 3).upper()
             for events in tracks]
    track = next((i for i, name in enumerate(names) if b'MELODY' in name), None)
    if track is None or tempo is None:
        return None
    notes, _ = paired_notes(path)
    melody = [note for note in notes if note[4] == track]
    return (top_line(melody), tpq, tempo) if melody else None


def call_of(song, bars):
    """The window's notes as (on ms, off ms, pitch, velocity) at 120 BPM, or a reason it is passed over."""
    found = melody_and_tempo(os.path.join(song, os.path.basename(song) + '.mid'))
    if found is None:
        return 'no MELODY track or no tempo'
    melody, tpq, tempo = found
    with open(os.path.join(song, 'beat_midi.txt')) as f:
        beats = [[float(x) for x in line.split()] for line in f if line.strip()]
    seconds_per_tick = tempo / 1e6 / tpq
    if len(beats) < 2 or abs((beats[1][0] - beats[0][0]) / seconds_per_tick / tpq - 1) > 0.02:
        return "its beats are not the file's quarters"
    sixteenth = tpq / 4
    first = melody[0][0]
    downbeats = [b[0] / seconds_per_tick for b in beats if len(b) > 2 and b[2] == 1.0 and b[0] / seconds_per_tick <= first + sixteenth]
    if not downbeats:
        return 'no downbeat before the melody'
    zero = downbeats[-1]
    end = zero + bars * 4 * tpq
    steps, notes = [], []
    for start, stop, pitch in melody:
        if start >= end:
            break
        exact = (start - zero) / sixteenth
        steps.append(abs(exact - round(exact)))
        onset = round(exact)
        if not notes or notes[-1][0] != onset:
            notes.append([onset, max(onset + 1, round((stop - zero) / sixteenth)), pitch])
    if sorted(steps)[len(steps) // 2] > 0.15:
        return 'its melody keeps to sixteenths loosely'
    if len(notes) < 8:
        return 'fewer than eight notes'
    if any(after[0] - note[1] > 8 for note, after in zip(notes, notes[1:])):
        return 'a silence of more than two quarters'
    for note, after in zip(notes, notes[1:]):
        note[1] = min(note[1], after[0])
    shift = 4 * math.ceil(max(0, -notes[0][0]) / 4)
    return [((on + shift) * 125.0, (off + shift) * 125.0, pitch, 80) for on, off, pitch in notes]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--pop909', required=True, help="the dataset's POP909 folder (song folders 001, 002, ...)")
    parser.add_argument('--out', required=True, help='a folder for the calls (made if missing; must hold no .mid yet)')
    parser.add_argument('--songs', type=int, default=200, help='calls to make, from the first song folder on (default 200)')
    parser.add_argument('--bars', type=int, default=4, help='4/4 bars in each window (default 4)')
    args = parser.parse_args()
    if not os.path.isdir(args.pop909):
        sys.exit('%s: no such folder: %s' % (TOOL, args.pop909))
    if args.songs < 1 or args.bars < 1:
        sys.exit('%s: --songs and --bars must be at least 1.' % TOOL)
    empty_call_folder(TOOL, args.out)
    made = 0
    for name in sorted(d for d in os.listdir(args.pop909) if d.isdigit()):
        if made == args.songs:
            break
        try:
            call = call_of(os.path.join(args.pop909, name), args.bars)
        except (OSError, ValueError) as e:
            call = str(e)
        if isinstance(call, str):
            print('%s: passed over %s: %s' % (TOOL, name, call), file=sys.stderr)
            continue
        write_call(os.path.join(args.out, name + '.mid'), call)
        made += 1
    print('%s: %d calls in %s' % (TOOL, made, args.out))


if __name__ == '__main__':
    main()
