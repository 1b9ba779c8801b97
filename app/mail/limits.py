"""How much of a message the parser takes in; past these, a part is named, not loaded.

Measured on the stdlib (CPython 3.11, this project's CI machine): its RFC 5322
address parser took 2.1 s for a To of 4,000 addresses (100 KB) and 60 s for
60,000 (1 MB), so address headers over ``MAX_STDLIB_ADDRESS_CHARS`` are read by
the older linear ``getaddresses`` and cut at ``MAX_ADDRESS_HEADER_CHARS``; its
feed parser took 3.8 s for a 30 MB base64 attachment, so a base64 run longer
than the attachment limit is cut out before parsing and the part reported too
large with its size.
"""

from __future__ import annotations

# The header block: past it, the fields parse reads are kept (each cut at
# MAX_HEADER_FIELD_BYTES) and the others only while they fit.
MAX_HEADER_BYTES = 1024 * 1024
MAX_HEADER_FIELD_BYTES = 64 * 1024  # one field (a thread's References of 1,000 ids fits)
DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024  # what most providers accept in one message
MAX_TEXT_BYTES = 4 * 1024 * 1024  # of one text or HTML body part; the rest is cut
MAX_PARTS = 500  # MIME parts read; a message with more is a bomb, not a letter
MAX_DEPTH = 30  # multipart nesting read
# The stdlib's parser recurses per nesting level: 2,000 levels raise RecursionError,
# after 4 s. A message declaring more multiparts than this keeps its headers, and is
# attached whole, without being handed to it.
MAX_MULTIPARTS = 200
MAX_STDLIB_ADDRESS_CHARS = 8 * 1024
MAX_ADDRESS_HEADER_CHARS = 64 * 1024
