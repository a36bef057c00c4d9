"""Standard MIDI Files for the .ci measuring scripts: writing their calls (format 1, one track, no tempo event) and
reading the events of any file."""
import os
import struct
import sys


def vlq(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.append(0x80 | (v & 0x7F))
        v >>= 7
    return bytes(reversed(out))


def write_call(path, notes):
    """notes: (on_ms, off_ms, pitch, velocity); 480 ticks per quarter at the default 120 BPM, no tempo event."""
    events = []
    for on, off, pitch, velocity in notes:
        events.append((round(on * 480 / 500), 1, bytes([0x90, pitch, velocity])))
        events.append((round(off * 480 / 500), 0, bytes([0x80, pitch, 0])))
    events.sort(key=lambda e: (e[0], e[1]))
    data, last = b'', 0
    for tick, _, message in events:
        data += vlq(tick - last) + message
        last = tick
    data += b'\x00\xff\x2f\x00'
    with open(path, 'wb') as f:
        f.write(b'MThd' + struct.pack('>IHHH', 6, 0, 1, 480) + b'MTrk' + struct.pack('>I', len(data)) + data)


def read_smf(path):
    """(ticks per quarter, tracks) of a Standard MIDI File: for each track chunk, its events in order as (tick, status,
    data), data a channel message's data bytes or, for a meta event (status 0xFF), (type, bytes); SysEx is skipped, and
    chunks other than tracks are passed over. ValueError for a file that is not a Standard MIDI File, has an SMPTE time
    division, or ends inside an event."""
    b = open(path, 'rb').read()
    if b[:4] != b'MThd' or len(b) < 14:
        raise ValueError('not a Standard MIDI File')
    _, ntracks, division = struct.unpack('>HHH', b[8:14])
    if division & 0x8000:
        raise ValueError('SMPTE time division, not ticks per quarter')
    pos, tracks = 8 + struct.unpack('>I', b[4:8])[0], []
    try:
        while len(tracks) < ntracks:
            kind, length = b[pos:pos + 4], struct.unpack('>I', b[pos + 4:pos + 8])[0]
            d = b[pos + 8:pos + 8 + length]
            pos += 8 + length
            if kind != b'MTrk':
                continue
            events, i, tick, status = [], 0, 0, 0

            def number():
                nonlocal i
                v = 0
                while True:
                    c = d[i]; i += 1; v = (v << 7) | (c & 0x7F)
                    if c < 0x80: return v
            while i < len(d):
                tick += number()
                if d[i] in (0xFF, 0xF0, 0xF7):
                    meta = d[i] == 0xFF
                    kind_byte = d[i + 1] if meta else None
                    i += 2 if meta else 1
                    n = number()
                    if meta: events.append((tick, 0xFF, (kind_byte, d[i:i + n])))
                    i += n
                    continue
                if d[i] & 0x80:
                    status = d[i]; i += 1
                size = 1 if (status & 0xF0) in (0xC0, 0xD0) else 2
                if i + size > len(d):
                    raise IndexError
                events.append((tick, status, d[i:i + size]))
                i += size
            tracks.append(events)
    except (IndexError, struct.error):
        raise ValueError('the file ends inside an event') from None
    return division, tracks


def paired_notes(path):
    """(start_tick, end_tick, pitch, channel, track) of every paired note of a Standard MIDI File, all tracks (a note-on
    ends at the next note-off, or note-on at velocity 0, of its key and channel in its track; repeated ones first in,
    first out), and the ticks per quarter."""
    tpq, tracks = read_smf(path)
    notes = []
    for track, events in enumerate(tracks):
        open_notes = {}
        for tick, status, data in events:
            kind, channel = status & 0xF0, status & 0x0F
            if kind == 0x90 and data[1] > 0:
                open_notes.setdefault((channel, data[0]), []).append(tick)
            elif kind == 0x80 or kind == 0x90:
                starts = open_notes.get((channel, data[0]))
                if starts: notes.append((starts.pop(0), tick, data[0], channel, track))
    return notes, tpq


def top_line(notes):
    """[(onset, end, pitch)], sorted: the highest of the notes (start, end, pitch, ...) at each onset."""
    by_onset = {}
    for start, end, pitch, *_ in notes:
        if start not in by_onset or pitch > by_onset[start][1]: by_onset[start] = (end, pitch)
    return [(s, e, p) for s, (e, p) in sorted(by_onset.items())]


def require_files(tool, paths, kind):
    """Exits with one sentence, naming the first, if any of paths is not a file."""
    missing = [p for p in paths if not os.path.isfile(p)]
    if missing:
        sys.exit('%s: no such %s file: %s' % (tool, kind, missing[0]))


def empty_call_folder(tool, out):
    """Makes the folder out for a set of calls if missing; exits with one sentence if it holds MIDI files."""
    if os.path.isdir(out) and any(f.endswith('.mid') for f in os.listdir(out)):
        sys.exit('%s: %s already holds MIDI files; give an empty folder.' % (tool, out))
    os.makedirs(out, exist_ok=True)
