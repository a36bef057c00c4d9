"""Writing the calls of the .ci measuring scripts as Standard MIDI Files (format 1, one track, no tempo event)."""
import struct


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
