"""Placing text labels beside marks so that no two labels, and no label and mark, overlap:
the label geometry of the estimates charts (`layout`, `place`) and of the map (`beside_dot`).

The build has no font metrics, so widths are estimated from the characters (CJK glyphs are
one em wide, digits and Latin letters a little over half an em) with a margin; the browser
tests at 360 px measure the real boxes (tests/browser/test_data_graphics.py). A label that finds
no free place is left out rather than drawn over another: the mark keeps its tooltip, and the
tables and the list of places keep every figure and name.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # left, top, right, bottom

NARROW = set(",.:;'!|")
# The box a browser draws around a line of text, in ems: Noto Sans CJK, the tallest of the
# fonts the site falls back to, has an ascent of 1.16 em and a descent of 0.29 em.
ASCENT, DESCENT = 1.16, 0.29
WIDE_SYMBOLS = set("≈≥≤<>~–—")


def text_width(text: str, font: float, *, margin: bool = True) -> float:
    """Estimated width of a line of text in the units of `font` (its size); with `margin`, a
    little more for fonts wider than the estimate (the charts' labels, set close to their marks;
    the map's names stand apart from each other and are measured without it)."""
    width = 0.0
    for ch in text:
        if ord(ch) >= 0x2E80:  # CJK, kana, full-width forms
            width += font
        elif ch in NARROW:
            width += font * 0.3
        elif ch in WIDE_SYMBOLS:
            width += font * 0.62
        elif ch.isupper():
            width += font * 0.68
        else:
            width += font * 0.58
    return width * 1.04 + 2 if margin else width


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlap_area(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def text_box(x: float, baseline: float, text: str, font: float, anchor: str = "start", *, margin: bool = True) -> Box:
    """The box a line of text takes, from its anchor point and baseline."""
    w = text_width(text, font, margin=margin)
    left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
    return left, baseline - ASCENT * font, left + w, baseline + DESCENT * font


def inside(a: Box, frame: Box) -> bool:
    return frame[0] <= a[0] and frame[1] <= a[1] and a[2] <= frame[2] and a[3] <= frame[3]


@dataclass(frozen=True)
class Placed:
    """Where a label goes: the text's anchor point and alignment, its box, and a leader line
    from the mark when the label had to move away from it."""

    x: float
    y: float  # baseline
    anchor: str  # start | middle | end
    box: Box
    leader: tuple[float, float, float, float] | None = None


def _candidate(side: str, mark: Box, w: float, h: float, gap: float, shift: float) -> tuple[Box, str]:
    """The label's box on one side of the mark's box, moved `shift` along that side."""
    left, top, right, bottom = mark
    cx, cy = (left + right) / 2, (top + bottom) / 2
    if side == "right":
        return (right + gap, cy - h / 2 + shift, right + gap + w, cy + h / 2 + shift), "start"
    if side == "left":
        return (left - gap - w, cy - h / 2 + shift, left - gap, cy + h / 2 + shift), "end"
    if side == "above":
        return (cx - w / 2 + shift, top - gap - h, cx + w / 2 + shift, top - gap), "middle"
    return (cx - w / 2 + shift, bottom + gap, cx + w / 2 + shift, bottom + gap + h), "middle"  # below


def _tries(gap: float, w: float, h: float) -> list[tuple[str, float, float]]:
    """The places a label may go, nearest first: right, above, left, below, then the same
    sides a little further along (side, shift along the side, distance from the mark)."""
    tries: list[tuple[str, float, float]] = [(side, 0.0, gap) for side in ("right", "above", "left", "below")]
    tries += [(side, sign * w / 2, gap) for side in ("above", "below") for sign in (1, -1)]  # diagonal, still beside it
    for step in (1, 2, 3):
        for side in ("right", "left"):
            tries += [(side, -step * h, gap), (side, step * h, gap)]
        for side in ("above", "below"):
            tries += [(side, 0.0, gap + step * h), (side, step * w / 2, gap + step * h / 2), (side, -step * w / 2, gap + step * h / 2)]
    return tries


def free_places(mark: Box, text: str, font: float, taken: Iterable[Box], frame: Box, gap: float = 3.0) -> int:
    """How many places are free for this label: the labels with fewest choices go first."""
    w, h = text_width(text, font), font * (ASCENT + DESCENT)
    boxes = list(taken)
    return sum(
        1 for side, shift, space in _tries(gap, w, h)
        if inside(box := _candidate(side, mark, w, h, space, shift)[0], frame) and not any(overlaps(box, b) for b in boxes)
    )


def place(
    mark: Box, text: str, font: float, taken: Iterable[Box], frame: Box, gap: float = 3.0, avoid: Iterable[Box] = ()
) -> Placed | None:
    """The first free place for a label, nearest its mark first, with a leader line when it is
    not next to the mark; None if every place is taken. A place that covers none of `avoid`
    (the series' lines) is preferred, but a label may lie across a line if nothing else is free:
    its white halo keeps it legible."""
    w, h = text_width(text, font), font * (ASCENT + DESCENT)
    boxes, soft = list(taken), list(avoid)
    cx, cy = (mark[0] + mark[2]) / 2, (mark[1] + mark[3]) / 2
    free = []
    for side, shift, space in _tries(gap, w, h):
        box, anchor = _candidate(side, mark, w, h, space, shift)
        if not inside(box, frame) or any(overlaps(box, b) for b in boxes):
            continue
        moved = bool(shift or space > gap)
        # Its leader line may not run through another label or mark; a mark that overlaps this
        # one (two figures of nearly the same date and size) cannot be left without crossing it.
        if moved and _crosses((cx, cy), _nearest(box, cx, cy), [b for b in boxes if b != mark and not overlaps(b, mark)]):
            continue
        free.append((box, anchor, moved))
    if not free:
        return None
    # Next to the mark and clear of lines; moved a little (with a leader) and clear; next to it
    # across a line; moved and across a line. A line through a label's figure reads as a strike.
    def rank(f: tuple[Box, str, bool]) -> int:
        return (1 if f[2] else 0) + (2 if any(overlaps(f[0], b) for b in soft) else 0)

    box, anchor, moved = min(free, key=rank)  # min() keeps the first of equal ranks
    x = {"start": box[0], "end": box[2], "middle": (box[0] + box[2]) / 2}[anchor]
    baseline = box[3] - font * DESCENT
    leader = (cx, cy, *_nearest(box, cx, cy)) if moved else None
    return Placed(x, baseline, anchor, box, leader)


def _nearest(box: Box, x: float, y: float) -> tuple[float, float]:
    """The point of the box nearest to (x, y): where a leader line meets the label."""
    return min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])


def _crosses(a: tuple[float, float], b: tuple[float, float], boxes: list[Box]) -> bool:
    """Whether the segment a-b passes through any of the boxes (sampled every 2 units)."""
    steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / 2))
    for i in range(1, steps):
        x, y = a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps
        if any(bx[0] < x < bx[2] and bx[1] < y < bx[3] for bx in boxes):
            return True
    return False


def layout(
    items: list[tuple[Box, str]], font: float, taken: list[Box], frame: Box, avoid: list[Box], tries: int = 24
) -> list[Placed | None]:
    """Labels for several marks at once (`items`: each mark's box and its label's text).

    Greedy placement depends on the order; a few orders are tried (the labels with the fewest
    free places first, left to right, right to left, then shuffles in a fixed sequence, so the
    build is reproducible) and the layout with the fewest labels left out, then the fewest
    moved away from their marks or lying across a line, is kept."""
    n = len(items)
    fewest = sorted(range(n), key=lambda i: (free_places(items[i][0], items[i][1], font, taken, frame), items[i][0][0]))
    orders = [fewest, sorted(range(n), key=lambda i: items[i][0][0]), sorted(range(n), key=lambda i: -items[i][0][0])]
    shuffler = random.Random(0)
    for _ in range(tries):
        order = list(range(n))
        shuffler.shuffle(order)
        orders.append(order)
    best: tuple[tuple[int, int], list[Placed | None]] | None = None
    for order in orders:
        boxes, placed = list(taken), [None] * n
        for i in order:
            mark, text = items[i]
            label = place(mark, text, font, boxes, frame, avoid=avoid)
            placed[i] = label
            if label:
                boxes.append(label.box)
        score = (  # the same weights as place(): a label across a line costs two moved ones
            sum(1 for p in placed if p is None),
            sum((1 if p.leader else 0) + (2 if any(overlaps(p.box, b) for b in avoid) else 0) for p in placed if p),
        )
        if best is None or score < best[0]:
            best = (score, placed)
        if score == (0, 0):
            break
    return best[1] if best else []


def along(x1: float, y1: float, x2: float, y2: float, half: float = 1.5) -> list[Box]:
    """Small boxes covering a line segment, for `place(avoid=…)`."""
    steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1)) / 3))
    return [
        (x1 + (x2 - x1) * i / steps - half, y1 + (y2 - y1) * i / steps - half, x1 + (x2 - x1) * i / steps + half, y1 + (y2 - y1) * i / steps + half)
        for i in range(steps + 1)
    ]


def beside_dot(
    x: float, y: float, text: str, taken: list[Box], frame: Box, font: float, dot: float, unit: float, *, crowded_ok: bool = True
) -> tuple[float, float, str] | None:
    """A map label beside its dot (x, y): the place, nearest first, that overlaps the fewest labels
    and stays inside its frame; its box joins `taken`. `unit` scales the offsets with the text.
    Without `crowded_ok`, a label that would overlap something anywhere is left out (None)."""
    options = []
    for step in (1, 2.2):  # close to the dot first, then a little further out in a crowded area
        d = step * unit
        options += [
            (x + dot + 4 * d, y + font / 3, "start"), (x - dot - 4 * d, y + font / 3, "end"),
            (x, y - dot - 6 * d, "middle"), (x, y + font + dot + 2 * d, "middle"),
            (x + 8 * d, y - 8 * d, "start"), (x - 8 * d, y - 8 * d, "end"),
            (x + 8 * d, y + font + 4 * d, "start"), (x - 8 * d, y + font + 4 * d, "end"),
        ]

    def cost(index: int) -> tuple[float, int]:
        b = text_box(*options[index][:2], text, font, options[index][2], margin=False)
        outside = max(0.0, frame[0] - b[0]) + max(0.0, b[2] - frame[2]) + max(0.0, frame[1] - b[1]) + max(0.0, b[3] - frame[3])
        return outside * font * 10 + sum(overlap_area(b, t) for t in taken), index

    best = min(range(len(options)), key=cost)
    if not crowded_ok and cost(best)[0] > 0:
        return None
    taken.append(text_box(*options[best][:2], text, font, options[best][2], margin=False))
    return options[best]
