"""The HTTP side of a Bot API request: parameters in, JSON answers out.

Every way of passing parameters the docs list ("Making requests": query string,
x-www-form-urlencoded, JSON, multipart/form-data) ends up as one flat
``name -> str`` map, as in tdlib/telegram-bot-api's Query: a JSON body's strings
are taken as they are and its other values as their JSON text, so a client may
send ``reply_markup`` either as an object or as a JSON-encoded string. A JSON
body that does not parse is logged and ignored by tdlib's HttpReader (the
request goes on with no body parameters); so it is here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # Client.h MAX_DOWNLOAD_FILE_SIZE = 20 << 20
MAX_PHOTO_UPLOAD_BYTES = 10 * 1024 * 1024  # "10 MB max size for photos"; TDLib: 10485760
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # "50 MB for other files"


class ApiError(Exception):
    """An unsuccessful answer: ``{"ok": false, "error_code", "description", "parameters"}``."""

    def __init__(
        self,
        code: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.parameters = parameters
        self.headers = headers or {}


def bad_request(message: str) -> ApiError:
    """The real server prefixes TDLib's message and lower-cases its first letter
    (Client::fail_query_with_error), unless the second letter is upper case or '_'."""
    if len(message) >= 2 and (message[1] == "_" or message[1].isupper()):
        return ApiError(400, f"Bad Request: {message}")
    return ApiError(400, f"Bad Request: {message[:1].lower()}{message[1:]}")


def too_many_requests(retry_after: int) -> ApiError:
    # Query::set_retry_after_error; HttpConnection adds the Retry-After header.
    return ApiError(
        429,
        f"Too Many Requests: retry after {retry_after}",
        {"retry_after": retry_after},
        {"Retry-After": str(retry_after)},
    )


def error_body(error: ApiError) -> bytes:
    body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
    if error.parameters:
        body["parameters"] = error.parameters
    return encode(body)


def ok_body(result: Any, description: str | None = None) -> bytes:
    body: dict[str, Any] = {"ok": True, "result": result}
    if description is not None:
        body["description"] = description
    return encode(body)


def encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class UploadedFile:
    """One multipart part that carried a file name."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Args:
    """The parameters of one request, flattened as the real server flattens them."""

    values: dict[str, str] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.values


def to_bool(value: str) -> bool:
    # Client::to_bool: lower-cased and trimmed "true", "yes" or "1".
    return value.strip().lower() in ("true", "yes", "1")


_LEADING_INT = re.compile(r"\s*([+-]?\d+)")


def to_int(value: str, default: int = 0) -> int:
    """td::to_integer: the leading digits, 0 when there are none."""
    if value == "":
        return default
    match = _LEADING_INT.match(value)
    return int(match.group(1)) if match else 0


def integer_arg(args: Args, name: str, default: int, low: int, high: int) -> int:
    # Client::get_integer_arg clamps instead of refusing: limit=500 becomes 100.
    if not args.get(name):
        return default
    return max(low, min(high, to_int(args.get(name))))


def json_arg(args: Args, name: str) -> Any:
    """A JSON-serialized parameter; ``None`` when absent or not JSON."""
    raw = args.get(name)
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def parse_args(query: str, content_type: str, body: bytes) -> Args:
    args = Args()
    for name, value in parse_qsl(query, keep_blank_values=True):
        args.values.setdefault(name, value)
    lowered = content_type.lower()
    if not body:
        return args
    if "multipart/form-data" in lowered:
        _parse_multipart(args, content_type, body)
    elif "application/x-www-form-urlencoded" in lowered:
        for name, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            args.values.setdefault(name, value)
    elif "application/json" in lowered:
        try:
            decoded = json.loads(body.decode("utf-8", "replace"))
        except ValueError:
            return args
        if isinstance(decoded, dict):
            for name, value in decoded.items():
                args.values.setdefault(str(name), _flatten(value))
    return args


def _flatten(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


class MultipartError(ApiError):
    pass


def _parse_multipart(args: Args, content_type: str, body: bytes) -> None:
    boundary = _boundary(content_type)
    delimiter = b"--" + boundary
    parts = body.split(delimiter)
    for part in parts[1:]:
        if part.startswith(b"--"):
            break
        part = part[2:] if part.startswith(b"\r\n") else part
        head, separator, content = part.partition(b"\r\n\r\n")
        if not separator:
            raise MultipartError(400, "Bad Request: headers in multipart/form-data are empty")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        name, filename, part_type = _part_headers(head.decode("utf-8", "replace"))
        if not name:
            raise MultipartError(400, "Bad Request: field name in multipart/form-data not found")
        if filename is None:
            args.values.setdefault(name, content.decode("utf-8", "replace"))
        else:
            args.files.setdefault(name, UploadedFile(name, filename, part_type, content))


def _boundary(content_type: str) -> bytes:
    # HttpReader: "boundary not found", "boundary value not found", quotes stripped.
    lowered = content_type.lower()
    at = lowered.find("boundary")
    if at < 0:
        raise MultipartError(400, "Bad Request: boundary not found")
    rest = content_type[at + len("boundary") :]
    if "=" not in rest:
        raise MultipartError(400, "Bad Request: boundary value not found")
    value = rest.split("=", 1)[1].split(";", 1)[0].strip()
    if len(value) > 1 and value[0] == '"' and value[-1] == '"':
        value = value[1:-1]
    if not value:
        raise MultipartError(400, "Bad Request: boundary too big or empty")
    return value.encode("latin-1", "replace")


def _part_headers(head: str) -> tuple[str, str | None, str]:
    name = ""
    filename: str | None = None
    part_type = "application/octet-stream"
    for line in head.split("\r\n"):
        header, _, value = line.partition(":")
        header = header.strip().lower()
        value = value.strip()
        if header == "content-disposition":
            for item in value.split(";")[1:]:
                key, _, raw = item.partition("=")
                raw = raw.strip()
                if len(raw) > 1 and raw[0] == '"' and raw[-1] == '"':
                    raw = raw[1:-1]
                if key.strip() == "name":
                    name = raw
                elif key.strip() == "filename":
                    filename = raw
        elif header == "content-type":
            part_type = value
    return name, filename, part_type
