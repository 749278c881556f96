"""Image sizes from file headers (scripts/content/images.py), on headers written here byte by byte with a
known width and height, and the size a picture is shown at after its EXIF orientation (files Pillow writes)."""

import pytest
from PIL import Image

from scripts.content.images import display_size, image_size

# --- as shown ---------------------------------------------------------------------------------------

def saved(tmp_path, name, size, orientation=None, **options):
    path = tmp_path / name
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    Image.new("RGB", size, (120, 90, 60)).save(path, exif=exif, **options)
    return path


@pytest.mark.parametrize("orientation, shown", [(None, (40, 30)), (3, (40, 30)), (6, (30, 40)), (8, (30, 40))])
def test_a_tiff_is_measured_by_pillow_and_shown_upright(tmp_path, orientation, shown):
    """A TIFF has no header image_size reads: Pillow gives its size; it must match the copies the site makes
    (site/photos.py turns them upright with ImageOps.exif_transpose)."""
    from PIL import ImageOps

    path = saved(tmp_path, "scan.tif", (40, 30), orientation)
    assert image_size(path) is None
    with Image.open(path) as im:
        assert ImageOps.exif_transpose(im).size == shown  # what a reader sees
    assert display_size(path) == shown
    assert display_size(saved(tmp_path, "scan.TIFF", (40, 30), orientation)) == shown
