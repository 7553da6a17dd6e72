"""``show()`` and ``animate()`` for notebooks: pictures without a display."""

from __future__ import annotations

import builtins
import io
from typing import Any

import pytest
from PIL import Image

from simulator.viz import animate, show
from tests.viz.helpers import started_plant


def test_show_returns_a_png_jupyter_can_display_and_does_not_advance_the_plant() -> None:
    plant = started_plant()
    plant.run(10.0)
    picture = show(plant)
    assert picture._repr_png_().startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(picture.data)).size == (1280, 720)
    assert plant.now_s == pytest.approx(10.0)


def test_animate_runs_the_plant_and_returns_an_animated_gif() -> None:
    plant = started_plant()
    plant.run(10.0)
    animation = animate(plant, seconds=1.0, fps=5)
    assert plant.now_s == pytest.approx(11.0)
    assert animation.kind == "gif" and "image/gif;base64" in animation._repr_html_()
    gif = Image.open(io.BytesIO(animation.data))
    assert gif.n_frames == 6


def test_animate_falls_back_to_an_html_slideshow_without_pillow(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pil(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "PIL" or name.startswith("PIL."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pil)
    animation = animate(started_plant(), seconds=0.2, fps=5)
    assert animation.kind == "html" and "data:image/png;base64" in animation._repr_html_()


@pytest.mark.parametrize(("method", "call"), [("show", "show(plant)"), ("animate", "animate(plant")])
def test_plant_show_from_habit_says_where_pictures_come_from(method: str, call: str) -> None:
    """The plant draws nothing itself (the core imports no viz); ``plant.show()`` says what to call instead."""
    plant = started_plant()
    with pytest.raises(AttributeError) as raised:
        getattr(plant, method)()
    assert "simulator.viz.notebook" in str(raised.value) and call in str(raised.value)
    assert call in raised.value.en  # type: ignore[attr-defined]
    assert not hasattr(plant, method)
