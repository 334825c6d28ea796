"""An event's PLOVER type: the pattern's or the frame's own where it names one, else the CAMEO mapping.

PLOVER and CAMEO cut the world differently (PLOVER's ASSAULT takes the seizure of territory,
its SUPPORT a pledge of support, its ACCUSE a call for an investigation), so the CAMEO mapping
(data/cameo.tsv, from cameo2plover) gives the wrong PLOVER type for some of what a pattern codes.
A pattern (data/patterns.jsonl, `plover` and `plover_mode`) and a frame row (data/frame_codes.tsv,
`plover`) may name the type themselves; the CAMEO code, Goldstein score and quad class stay
those of the CAMEO code.

- the pattern's type holds while the event keeps the pattern's act: its code is in the pattern's
  CAMEO root (190 refined to 193 by the weapon named, 141 to 1411 by what a protest demands),
  not recoded by a frame into another root (an appeal 02, an intent 03, a threat 13 of the act);
- an event recoded by a frame (or coded by a frame with no pattern) takes the type of the frame
  rows that give its code, where they name one;
- else the CAMEO mapping;
- a planned meeting ("will meet", "will host", "will hold talks with") is, for PLOVER's
  annotators, an agreement to meet: it takes the type of the code its announcing frame would
  give it (the intent to meet, 036: AGREE), while its CAMEO code stays the act's, with status
  "planned". Only for the roots in PLANNED_AS_ANNOUNCED (docs/accuracy.md, "Where PLOVER's
  annotators and the CAMEO mapping differ");
- a cooperative act (CAMEO quad classes 1 and 2, roots 01-08) reported as not done ("failed to
  reach agreement", "did not give permission": status "negated") is PLOVER REJECT, as both dev
  and plover-news type them; CAMEO keeps the act's code with the status, the refusals a frame
  makes a rejection (12x, `refusable`) are REJECT by their code already;
- a sanction or coercion ordered by whoever has the power to order it ("a judge ordered nine
  ex-ministers jailed", "the government ordered the paper to suspend publication": an
  `ordering_verbs` frame word of the lexicon over an act of roots 16-17) is the act, COERCE or
  SANCTION, not an appeal: CAMEO codes the order as a demand (10x) with the act as `planned`;
- property seized by armed forces (CAMEO 1711 done by an actor of ARMED_SECTORS: marines seizing a
  tanker, fighters a house, an army oil fields) is PLOVER ASSAULT, as plover-news types all three
  it has; confiscation by police, customs or courts stays COERCE (the codebook's seize mode).
"""
from __future__ import annotations

from ..model import Plover

# The roots whose planned acts PLOVER types as the announcement of them. Meetings (04): eight of the
# ten planned meetings of plover-news are AGREE, and dev's one ("will visit ... to mediate") too.
# Not the others: a planned signing (05) is SUPPORT twice to AGREE once there, and the planned
# sanctions, curfews and protests it types THREATEN dev types as the act ("would prohibit all aid":
# SANCTION).
PLANNED_AS_ANNOUNCED = ("04",)
# The roots whose acts an order does: sanctions and coercion, which the one who orders them has
# done by ordering (dev's "ordered La Prensa to suspend publication" is COERCE); not an order to
# attack, done by those ordered.
ORDERED_ROOTS = ("16", "17")
# Seizure by armed force: the codes and the sectors of the doers (military, rebels, armed
# factions) that make it an ASSAULT. Not destruction of property (1712): dev types an army's
# demolitions and guerrillas blowing up power lines COERCE.
ARMED_SEIZURE = ("1711",)
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF"})


class PloverTypes:
    """The PLOVER record of an event from its final CAMEO code and the id of the pattern that fired."""

    def __init__(self, cameo, patterns, frames, ordering_verbs=()):
        self.cameo = cameo
        self.patterns = patterns.by_id
        self.frames = frames.plover
        self.frames_book = frames
        self.ordering_verbs = frozenset(ordering_verbs)

    def __call__(self, code, pattern_id, status=None, found=None, source=None):
        """`found`: the coded trigger (events/records.Found), for the frame word that orders an act;
        `source`: the event's source actor, for who seizes."""
        if status == "negated" and self.cameo[code].cooperative:
            return Plover("REJECT")
        if code in ARMED_SEIZURE and source is not None and source.sector in ARMED_SECTORS:
            return Plover("ASSAULT")
        ordered = self._ordered(found)
        if ordered and status != "negated":
            return self(ordered, pattern_id)
        planned = status == "planned" and code[:2] in PLANNED_AS_ANNOUNCED
        announced_as = self.cameo[code].announced_as if planned else None
        if announced_as:
            announced = self.frames_book.recode(announced_as, code) or self.cameo.generic_code(announced_as)
            if announced != code:
                plover = self(announced, None)
                return plover if plover.type == self.cameo[announced].plover.type else Plover(plover.type)
        info = self.cameo[code]
        pattern = self.patterns.get(pattern_id)  # None for "frame:appeal" and the like
        own = pattern is not None and code[:2] == pattern.code[:2]  # the pattern's act, not recoded
        if own and pattern.plover:
            ptype, mode = pattern.plover, pattern.plover_mode
        elif not own and code in self.frames:
            ptype, mode = self.frames[code], None
        else:
            return info.plover
        if ptype == info.plover.type:
            return info.plover if mode is None else Plover(ptype, mode, info.plover.context)
        return Plover(ptype, mode)

    def _ordered(self, found):
        """The code of the sanction or coercion `found`'s frame word orders, or None."""
        if found is None or not found.planned or found.frame_word is None \
                or found.planned[:2] not in ORDERED_ROOTS:
            return None
        return found.planned if found.frame_word.lemma_.lower() in self.ordering_verbs else None

    def mode(self, pattern_id, ptype):
        """The mode the pattern names for its type, or None (the modes stage reads the rest)."""
        pattern = self.patterns.get(pattern_id)
        return pattern.plover_mode if pattern is not None and pattern.plover == ptype else None
