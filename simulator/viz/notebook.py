"""Pictures of the plant for notebooks: ``show(plant)`` (PNG) and ``animate(plant, seconds)`` (GIF).

Students on a school server have no display, but Jupyter shows images: pygame draws the
same screen as the window onto an off-screen surface, and the result is returned as an
object Jupyter displays (``_repr_png_`` / ``_repr_html_``). No display is needed.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import pygame

import simulator.viz.theme as theme
from simulator.plant import Plant
from simulator.viz.draw import Pen
from simulator.viz.kinds import draw_plant_area
from simulator.viz.layout import layout
from simulator.viz.screen import draw_screen, new_view_state

#: Size of ``show()`` pictures, in pixels.
SHOW_SIZE = (1280, 720)
#: Screen size whose line view ``animate()`` draws (only the line view: sharp and small), and its frame rate.
ANIMATE_SIZE = (1280, 720)
ANIMATE_FPS = 10
#: Longest animation, in simulated seconds (a GIF of minutes would be huge).
MAX_ANIMATE_S = 60.0


@dataclass(frozen=True)
class PngImage:
    """A PNG that Jupyter displays; ``data`` holds the bytes (save them with ``.save(path)``)."""

    data: bytes

    def _repr_png_(self) -> bytes:
        return self.data

    def save(self, path: str) -> None:
        """Write the PNG to ``path``."""
        with open(path, "wb") as file:
            file.write(self.data)


@dataclass(frozen=True)
class Animation:
    """An animated GIF (or, without Pillow, an HTML slideshow of PNG frames) for Jupyter."""

    data: bytes
    #: ``"gif"`` or ``"html"``.
    kind: str

    def _repr_html_(self) -> str:
        if self.kind == "gif":
            return f'<img src="data:image/gif;base64,{base64.b64encode(self.data).decode()}"/>'
        return self.data.decode()

    def save(self, path: str) -> None:
        """Write the GIF (or HTML) to ``path``."""
        with open(path, "wb") as file:
            file.write(self.data)


def render_surface(plant: Plant, size: tuple[int, int] = SHOW_SIZE, lang: str = "ko") -> pygame.Surface:
    """The full simulator screen for ``plant`` now, on an off-screen surface."""
    surface = pygame.Surface(size)
    ui = new_view_state(plant.scene, lang=lang)
    draw_screen(surface, plant.scene, plant.snapshot(), ui)
    return surface


def render_png(plant: Plant, size: tuple[int, int] = SHOW_SIZE, lang: str = "ko") -> bytes:
    """The simulator screen for ``plant`` now, as PNG bytes."""
    buffer = io.BytesIO()
    pygame.image.save(render_surface(plant, size, lang), buffer, "png")
    return buffer.getvalue()


def show(plant: Plant, size: tuple[int, int] = SHOW_SIZE, lang: str = "ko") -> PngImage:
    """A picture of the plant now; Jupyter displays it (nothing is advanced)."""
    return PngImage(render_png(plant, size, lang))


def animate(plant: Plant, seconds: float = 5.0, fps: int = ANIMATE_FPS, lang: str = "ko") -> Animation:
    """Run ``plant`` for ``seconds`` of simulated time and return the line view as an animation.

    The plant really advances (like ``plant.run(seconds)``); frames are taken every
    ``1/fps`` simulated seconds.
    """
    seconds = min(seconds, MAX_ANIMATE_S)
    area = layout(ANIMATE_SIZE).line
    frames: list[pygame.Surface] = []
    start_s = plant.now_s
    for i in range(max(1, round(seconds * fps)) + 1):
        plant.run_until(start_s + i / fps)
        frame = pygame.Surface(area.size)
        frame.fill(theme.BACKGROUND)
        draw_plant_area(Pen(frame, layout(ANIMATE_SIZE).k), plant.scene, plant.snapshot(), frame.get_rect(), lang)
        frames.append(frame)
    return _to_gif(frames, fps) or _to_html(frames, fps)


def _to_gif(frames: list[pygame.Surface], fps: int) -> Animation | None:
    try:
        from PIL import Image
    except ImportError:
        return None
    images = [Image.frombytes("RGB", f.get_size(), pygame.image.tobytes(f, "RGB")) for f in frames]
    palette = [im.quantize(colors=64, method=Image.Quantize.FASTOCTREE) for im in images]
    buffer = io.BytesIO()
    palette[0].save(buffer, "GIF", save_all=True, append_images=palette[1:], duration=round(1000 / fps), loop=0)
    return Animation(buffer.getvalue(), "gif")


def _to_html(frames: list[pygame.Surface], fps: int) -> Animation:
    """A tiny JavaScript slideshow of PNG frames (when Pillow is not installed)."""
    sources = []
    for frame in frames:
        buffer = io.BytesIO()
        pygame.image.save(frame, buffer, "png")
        sources.append("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode())
    element = f"sflab-{id(frames)}"
    html = (
        f'<img id="{element}" src="{sources[0]}"/><script>(function(){{var f={sources!r},i=0;'
        f'setInterval(function(){{i=(i+1)%f.length;document.getElementById("{element}").src=f[i];}},'
        f"{round(1000 / fps)});}})();</script>"
    )
    return Animation(html.encode(), "html")
