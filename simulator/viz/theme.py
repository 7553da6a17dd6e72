"""Colours and sizes of the simulator, in one place.

State colours come from the Okabe–Ito palette, which people with the common kinds of
colour blindness can still tell apart; every state also differs in shape or text (a
filled lamp *and* a "1", a thick beam *and* a solid line), never in colour alone. The
background is a calm grey, as in ISA-101 "high-performance" HMI screens: colour is kept
for what changes, so a student's eye goes to the sensor that just switched on.
"""

from __future__ import annotations

Colour = tuple[int, int, int]

# ---------------------------------------------------------------- Okabe–Ito palette
ORANGE: Colour = (230, 159, 0)
SKY_BLUE: Colour = (86, 180, 233)
BLUISH_GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILLION: Colour = (213, 94, 0)
REDDISH_PURPLE: Colour = (204, 121, 167)
BLACK: Colour = (0, 0, 0)

# ---------------------------------------------------------------- surfaces and text
BACKGROUND: Colour = (206, 210, 215)
PANEL: Colour = (238, 240, 243)
PANEL_EDGE: Colour = (150, 156, 164)
TEXT: Colour = (25, 28, 32)
TEXT_DIM: Colour = (92, 98, 106)
WHITE: Colour = (255, 255, 255)
GRID: Colour = (214, 218, 223)

# ---------------------------------------------------------------- states
#: A bit that is 1, a running motor, a green lamp.
ON = BLUISH_GREEN
#: A lit sensor beam or detection zone.
BEAM_ON = ORANGE
BEAM_OFF: Colour = (150, 156, 164)
#: Jams, e-stop, faults, PLC STOP.
ALARM = VERMILLION
#: A tag forced from the I/O monitor (as a PLC's monitor marks forced I/O).
FORCED = REDDISH_PURPLE
#: Something is held back or waiting.
WARNING = YELLOW
#: Selected tab, speed or fault kind.
SELECTED = BLUE
#: A work station's status lamp and hood, as a stack light: working, idle (waiting for a part), broken down.
STATION_STATE: dict[str, Colour] = {"working": ON, "idle": WARNING, "broken": ALARM}

# ---------------------------------------------------------------- machine parts
BELT: Colour = (70, 74, 80)
BELT_STRIPE: Colour = (112, 118, 126)
FRAME: Colour = (120, 126, 134)
CYLINDER: Colour = (168, 174, 182)
PLATE: Colour = (60, 64, 70)
BIN: Colour = (150, 118, 82)
BIN_INSIDE: Colour = (226, 214, 196)
#: Parts piled in a bin (light enough for the count printed over it).
BIN_FILL: Colour = (200, 178, 140)

#: Part colours by material; the first letter of the material is printed on the part too.
MATERIAL_COLOURS: dict[str, Colour] = {
    "metal": (150, 160, 172),
    "plastic": SKY_BLUE,
    "wood": (196, 142, 80),
}
MATERIAL_SHADE: dict[str, Colour] = {
    "metal": (104, 112, 122),
    "plastic": (46, 130, 180),
    "wood": (146, 100, 52),
}

# ---------------------------------------------------------------- sizes (at 1280×720; scaled with the window)
#: The design size: layouts are drawn for this and scaled to the window.
BASE_SIZE_PX = (1280, 720)
FONT_SMALL_PX = 13
FONT_BODY_PX = 15
FONT_TITLE_PX = 18
FONT_BIG_PX = 22
