"""Reading a .docx safely into paragraphs of visible text.

- The zip directory is checked before anything is decompressed: entry count, declared sizes
  and compression ratios (zip bombs), the main document part present.
- XML parts with a DTD (<!DOCTYPE …>, external or internal entities) are refused; the parts
  are parsed with lxml as python-docx parses them (entity resolution off in any case), but
  without importing python-docx (a twentieth of a second at every start).
- Automatic list numbering (numbering.xml) is resolved to the text Word shows ("一、",
  "（一）", "1."), so headings numbered by Word look like typed ones.
- Tables are kept as text, one paragraph per row, cells separated by a tab.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.errors import InputError
from drafter.core.model.model import cn_number, heading_number
from drafter.core.reading.source_read import MAX_PARAGRAPHS, checked_size

MAX_DOCX_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 3000
MAX_PART_BYTES = 24 * 1024 * 1024  # one XML part, uncompressed (100 pages ≈ 1 MB)
MAX_TOTAL_XML = 64 * 1024 * 1024  # all XML parts, uncompressed
MAX_RATIO = 150  # uncompressed / compressed for a part over 1 MB
MAX_ANY_PART = 64 * 1024 * 1024  # any part (images too), uncompressed
MAX_TOTAL_ALL = 256 * 1024 * 1024  # all parts whatever their names, uncompressed
PROLOG_SCAN = 64 * 1024
MAX_NUMBER = 32_767  # Word's own upper bound for a list counter
MAX_LEVEL_TEXT = 64  # a list level's number text ("%1、", "（%2）")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NS + "}"

_BAD_DOCX = "文件已损坏或不是有效的 Word 文档（.docx）"


def check_zip(path: Path) -> None:
    """Refuse corrupt zips, zip bombs, non-Word zips and XML parts with a DTD."""
    name = str(path)
    checked_size(path, MAX_DOCX_BYTES, "超出导入上限")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise InputError(name, f"压缩包内文件过多（{len(infos)} 个），不是正常的 Word 文档")
            names = {i.filename for i in infos}
            if len(names) != len(infos):
                dup = next(n for n in names if sum(i.filename == n for i in infos) > 1)
                raise InputError(
                    name, f"文档内有重名的部件（{dup[:80]}），文件已损坏或被改动，已拒绝读取"
                )
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise InputError(name, "这是一个压缩包，不是 Word 文档（.docx）")
            xml_total = total = 0
            for info in infos:
                # every part counts, whatever its name (a main part may be named .bin)
                total += info.file_size
                is_xml = info.filename.endswith((".xml", ".rels"))
                xml_total += info.file_size if is_xml else 0
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > (MAX_PART_BYTES if is_xml else MAX_ANY_PART) or (
                    info.file_size > 1 << 20 and ratio > MAX_RATIO
                ):
                    raise InputError(
                        name,
                        f"文档内容异常（{info.filename[:80]} 解压后 {info.file_size // 1048576} MB，疑似压缩炸弹），已拒绝读取",
                    )
                if xml_total > MAX_TOTAL_XML or total > MAX_TOTAL_ALL:
                    raise InputError(
                        name,
                        f"文档解压后过大（上限 {MAX_TOTAL_ALL // 1048576} MB），疑似压缩炸弹，已拒绝读取",
                    )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_prolog(zf, info, name)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,  # zipfile: an unknown compression method
        RuntimeError,
        zlib.error,
    ):
        raise InputError(name, _BAD_DOCX) from None


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """No <!DOCTYPE>/<!ENTITY> before the root element of an XML part."""
    with zf.open(info) as fh:
        head = fh.read(PROLOG_SCAN)
    _check_head(head, info.filename, name)


def _check_head(head: bytes, part: str, name: str) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise InputError(name, f"文档含有 XML 实体声明（{part[:80]}），出于安全原因拒绝读取")
    if not head.strip():
        return
    if not re.search(rb"<[A-Za-z_]", head):
        raise InputError(name, _BAD_DOCX)


# ----- numbering ------------------------------------------------------------------------

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a Word numFmt (at most 32 characters)."""
    return _format_number(max(0, min(n, MAX_NUMBER)), fmt)[:32]


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "ideographDigital",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return cn_number(n)
    if fmt == "chineseLegalSimplified":
        return cn_number(n).translate(str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾"))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """numbering.xml: numId → abstract list levels, with running counters."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId → list style

    @classmethod
    def from_part(cls, element) -> Numbering:
        num = cls()
        if element is None:
            return num
        for an in element.findall(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId", "")
            lv: dict[int, _Level] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), 0)
                lv[ilvl] = _Level(
                    fmt=_val(lvl.find(f"{_W}numFmt")) or "decimal",
                    text=(_val(lvl.find(f"{_W}lvlText")) or "")[:MAX_LEVEL_TEXT],
                    start=_clamp(_int(_val(lvl.find(f"{_W}start")), 1)),
                )
            num.levels[aid] = lv
            link = _val(an.find(f"{_W}numStyleLink"))
            if link and not lv:
                num.style_links[aid] = link
        for n in element.findall(f"{_W}num"):
            nid = n.get(f"{_W}numId", "")
            num.abstract_of[nid] = _val(n.find(f"{_W}abstractNumId")) or ""
            for ov in n.findall(f"{_W}lvlOverride"):
                so = ov.find(f"{_W}startOverride")
                if so is not None:
                    num.overrides.setdefault(nid, {})[_int(ov.get(f"{_W}ilvl"), 0)] = _clamp(
                        _int(_val(so), 1)
                    )
        return num

    def link_styles(self, styles: dict[str, _StyleInfo]) -> None:
        """Lists defined by a list style (numStyleLink) take the levels of that style's list."""
        for aid, style_id in self.style_links.items():
            info = styles.get(style_id)
            target = self.abstract_of.get(info.num[0]) if info and info.num else None
            if target and self.levels.get(target):
                self.levels[aid] = self.levels[target]

    def label(self, num_id: str, ilvl: int) -> str:
        """The visible number of the next paragraph in list num_id at level ilvl."""
        aid = self.abstract_of.get(num_id)
        if not aid or aid not in self.levels or num_id in ("", "0"):
            return ""
        levels = self.levels[aid]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        counters[ilvl] = min(counters.get(ilvl, levels[ilvl].start - 1) + 1, MAX_NUMBER)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = counters.get(k, lv.start)
            return format_number(value, lv.fmt)

        if levels[ilvl].fmt in ("bullet", "none"):
            return ""
        return re.sub(r"%([1-9])", sub, levels[ilvl].text)


def _val(el) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None and len(s) <= 12 else default
    except ValueError:
        return default


def _clamp(n: int) -> int:
    """A list counter within what Word itself allows (a crafted 2,147,483,647 would spell a
    Roman numeral of two billion letters)."""
    return max(0, min(n, MAX_NUMBER))


# ----- the body -------------------------------------------------------------------------


def _num_pr(ppr) -> tuple[str, int] | None:
    if ppr is None:
        return None
    np_ = ppr.find(f"{_W}numPr")
    if np_ is None:
        return None
    nid = _val(np_.find(f"{_W}numId"))
    if nid is None:
        return None
    return nid, _int(_val(np_.find(f"{_W}ilvl")), 0)


@dataclass
class _StyleInfo:
    num: tuple[str, int] | None
    outline: int | None  # 0-based outline level (Heading 1 → 0)


def _style_table(styles_el) -> dict[str, _StyleInfo]:
    out: dict[str, _StyleInfo] = {}
    if styles_el is None:  # a document without a styles part
        return out
    raw: dict[str, tuple[object, str | None, str]] = {}
    for st in styles_el.findall(f"{_W}style"):
        sid = st.get(f"{_W}styleId", "")
        based = _val(st.find(f"{_W}basedOn"))
        name = _val(st.find(f"{_W}name")) or ""
        raw[sid] = (st, based, name)

    def resolve(sid: str, depth: int = 0) -> _StyleInfo:
        if sid in out:
            return out[sid]
        if sid not in raw or depth > 20:
            return _StyleInfo(None, None)
        st, based, name = raw[sid]
        ppr = st.find(f"{_W}pPr")
        num = _num_pr(ppr)
        ol = _val(ppr.find(f"{_W}outlineLvl")) if ppr is not None else None
        outline = _int(ol, 9) if ol is not None else None
        m = re.match(r"^(heading|标题)\s*(\d)$", name.strip(), re.I)
        if outline is None and m:
            outline = int(m.group(2)) - 1
        if based and (num is None or outline is None):
            parent = resolve(based, depth + 1)
            num = num or parent.num
            outline = outline if outline is not None else parent.outline
        info = _StyleInfo(num, outline if outline is not None and outline < 9 else None)
        out[sid] = info
        return info

    for sid in raw:
        resolve(sid)
    return out


_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")
_HIDDEN = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent"}


def paragraph_text(p_el) -> str:
    """A paragraph's visible text as it reads with tracked changes accepted.

    Runs inside insertions (w:ins), hyperlinks, smart tags and content controls count;
    deleted text (w:del, w:moveFrom) and text boxes anchored in the paragraph do not.
    """
    parts: list[str] = []
    for node in p_el.iter(*_TEXT_TAGS):
        anc = node.getparent()
        hidden = False
        while anc is not None and anc is not p_el:
            if anc.tag in _HIDDEN:
                hidden = True
                break
            anc = anc.getparent()
        if hidden:
            continue
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif node.get(f"{_W}type") != "page":
            parts.append("\n")
    return "".join(parts)


# ----- the package: main document, numbering and styles parts ----------------------------

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass
class DocxParts:
    body: object  # w:body
    numbering: object | None  # w:numbering
    styles: object | None  # w:styles


def _parser():
    from lxml import etree

    # as python-docx parses: blank text dropped, entities never resolved, no network
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def _part_target(base: str, target: str) -> str:
    """A relationship's target as a part name inside the zip (no leading slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def read_part(zf: zipfile.ZipFile, part: str, parser):
    """A part parsed as XML, whatever its name: its size checked against the cap and its
    prolog against entity declarations before the parser sees it (KeyError if missing)."""
    from lxml import etree

    info = zf.getinfo(part)
    source = zf.filename or "document"
    if info.file_size > MAX_PART_BYTES:
        raise InputError(
            source,
            f"文档部件 {part[:80]} 过大（{info.file_size // 1048576} MB，上限 {MAX_PART_BYTES // 1048576} MB）",
        )
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise InputError(
            source, f"文档部件 {part[:80]} 过大（上限 {MAX_PART_BYTES // 1048576} MB）"
        )
    _check_head(data[:PROLOG_SCAN], part, source)
    return etree.fromstring(data, parser)


def _rels(zf: zipfile.ZipFile, part: str, parser) -> dict[str, str]:
    """Internal relationships of a part (or of the package, part ""): type suffix → part name."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = read_part(zf, rels_name, parser)
    except KeyError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter(f"{_REL_NS}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        out.setdefault(kind, _part_target(part, rel.get("Target", "")))
    return out


def _content_type(zf: zipfile.ZipFile, part: str, parser) -> str:
    root = read_part(zf, "[Content_Types].xml", parser)
    for o in root.iter(f"{_CT_NS}Override"):
        if o.get("PartName", "").lstrip("/").lower() == part.lower():
            return o.get("ContentType", "")
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    for d in root.iter(f"{_CT_NS}Default"):
        if d.get("Extension", "").lower() == ext:
            return d.get("ContentType", "")
    return ""


def read_parts(path: Path) -> DocxParts:
    """The main document's body and its numbering and styles parts, parsed with lxml (what
    python-docx's Document reads, without its import and object layer). Raises ValueError or
    KeyError for a package that is not a Word document."""
    parser = _parser()
    with zipfile.ZipFile(path) as zf:
        main = _rels(zf, "", parser).get("officeDocument")
        if main is None:
            raise KeyError("officeDocument")
        ctype = _content_type(zf, main, parser)
        if ctype != WML_MAIN:
            raise ValueError(f"not a Word document: {ctype}")
        document = read_part(zf, main, parser)
        body = document.find(f"{_W}body")
        if body is None:
            raise ValueError("no w:body")
        rels = _rels(zf, main, parser)

        def part(kind: str):
            name = rels.get(kind)
            if name is None:
                return None
            try:
                return read_part(zf, name, parser)
            except KeyError:
                return None

        return DocxParts(body, part("numbering"), part("styles"))


def docx_paragraphs(path: str | Path) -> list[str]:
    """The visible paragraphs of a .docx, automatic numbers included, tables as text."""
    p = Path(path)
    check_zip(p)
    try:
        parts = read_parts(p)
        numbering = Numbering.from_part(parts.numbering)
        styles = _style_table(parts.styles)
        numbering.link_styles(styles)
        out: list[str] = []
        style_counters = [0] * 10
        body = parts.body

        def para_text(el) -> str:
            # a line break inside a paragraph is layout only (a title set on two lines)
            text = paragraph_text(el).replace("\n", "")
            ppr = el.find(f"{_W}pPr")
            style_id = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
            sinfo = styles.get(style_id or "", _StyleInfo(None, None))
            num = _num_pr(ppr) or sinfo.num
            label = numbering.label(*num) if num else ""
            if label:
                return label + text.lstrip()
            if (
                sinfo.outline is not None
                and 0 <= sinfo.outline <= 3
                and 0 < len(text.strip()) <= 50
            ):
                # a heading by style only (no number typed, no list): number it by level
                from drafter.core.reading.outline import parse_number

                if not parse_number(text.strip()) and not _looks_title(text):
                    lvl = sinfo.outline + 1
                    style_counters[lvl] += 1
                    for k in range(lvl + 1, 10):
                        style_counters[k] = 0
                    return heading_number(lvl, style_counters[lvl]) + text.strip()
            return text

        def add(text: str) -> None:
            if len(out) >= MAX_PARAGRAPHS:
                raise InputError(
                    str(p), f"段落过多（超过 {MAX_PARAGRAPHS} 段），不像是一份年度报告，已拒绝读取"
                )
            out.append(text)

        def table(tbl) -> None:
            """One paragraph per row, cells by a tab; a table nested in a cell follows as its
            own rows (its text is not repeated in the outer cell)."""
            nested = []
            for tr in tbl.iterchildren(f"{_W}tr"):
                cells = []
                for tc in tr.iterchildren(f"{_W}tc"):
                    texts = []
                    for child in tc.iterchildren():
                        if child.tag == f"{_W}p":
                            texts.append(paragraph_text(child))
                        elif child.tag == f"{_W}tbl":
                            nested.append(child)
                    cells.append("".join(texts).strip())
                row = "\t".join(cells)
                if row.strip():
                    add(row)
                for inner in nested:
                    table(inner)
                nested.clear()

        def walk(container) -> None:
            for el in container.iterchildren():
                tag = el.tag
                if tag == f"{_W}p":
                    add(para_text(el))
                elif tag == f"{_W}tbl":
                    table(el)
                elif tag == f"{_W}sdt":
                    content = el.find(f"{_W}sdtContent")
                    if content is not None:
                        walk(content)

        walk(body)
        return out
    except InputError:
        raise
    except RecursionError:
        raise InputError(str(p), "文档结构嵌套过深，无法读取") from None
    except MemoryError:
        raise InputError(str(p), "文档过大，内存不足以读取") from None
    except Exception as exc:  # noqa: BLE001 - lxml and zipfile raise many kinds on broken files
        raise InputError(str(p), f"{_BAD_DOCX}（{type(exc).__name__}）") from None


def _looks_title(text: str) -> bool:
    t = text.strip()
    return "报告" in t and len(t) > 8 and not t.endswith(("。", "：", ":"))
