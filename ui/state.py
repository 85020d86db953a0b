"""Page state that lives in the URL: language and the filters every page shares.

Streamlit's own ``bind="query-params"`` writes a widget's *formatted* label into the URL, which
would make links depend on the language; these helpers keep stable codes in the URL instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from i18n import DEFAULT_LANG, LANG_NAMES, LANGS, fmt_month, normalise_lang, t

T = TypeVar("T")


def _quote(value: object) -> str:
    """``value`` as a Markdown code span, so that nothing in it is rendered.

    Messages are Markdown: a link parameter echoed as it is could show an image from another
    host, a link or Streamlit's ``:red[…]`` directives inside an official warning. A code span
    shows its content literally; its fence is longer than any run of backticks inside.
    """
    text = " ".join(str(value).split())
    text = text if len(text) <= 40 else text[:39] + "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def page_start(page_file: str) -> str:
    """Start the page ``page_file`` (its ``__file__``) inside app.py's navigation; returns
    the UI language."""
    from ui import warmup
    from ui.db import database_url
    from ui.routing import ensure_routed

    ensure_routed(page_file)
    warmup.start(database_url())
    return current_lang()


def current_lang() -> str:
    """The UI language: the language widget's value, else ``?lang=`` in the URL, else Finnish."""
    value = st.session_state.get("lang") or st.query_params.get("lang")
    return normalise_lang(value) or DEFAULT_LANG


def _match(text: str, options: Sequence[Any]) -> Any:
    """The option whose text is ``text``; failing that, the one option it names but for case
    and surrounding spaces (``?area=a06`` for A06, a link retyped by hand); else None."""
    by_text = {str(o): o for o in options}
    if text in by_text:
        return by_text[text]
    folded = [o for o in options if str(o).casefold() == text.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def _seed(
    key: str,
    options: Sequence[Any],
    default: Any,
    lang: str,
    parse: Callable[[str], Any] | None = None,
    *,
    defer: bool = False,
) -> None:
    """Put the URL's value (or ``default``) into session state before the widget exists;
    ``defer``: a warning about the URL's value waits for :func:`show_deferred_warnings`."""
    if key in st.session_state and _navigated(key):
        # Back or Forward: the address wins over the widget's remembered value
        wanted = str(st.query_params.get(key))
        parsed = parse(wanted) if parse else _match(wanted, options)
        if parsed is not None and parsed in options:
            st.session_state[key] = parsed
            return
    if key in st.session_state:
        # Options can change with other filters (a month outside the trial, say): fall back
        # quietly; only a value arriving with the link deserves a warning.
        if st.session_state[key] not in options:
            st.session_state[key] = default
        return
    raw = st.query_params.get(key)
    value = default
    if raw is not None:
        parsed = parse(raw) if parse else _match(raw, options)
        if parsed is not None and parsed in options:
            value = parsed
        elif _is_month(raw) and options and all(_is_month(str(o)) for o in options):
            # A real month the data do not reach is not a bad link: say what there is
            first, last = min(map(str, options)), max(map(str, options))
            st.info(
                t(
                    "app.no_data_month" if raw > last else "app.no_data_month_before",
                    lang,
                    month=fmt_month(raw, lang),
                    first=fmt_month(first, lang),
                    last=fmt_month(last, lang),
                ),
                icon=":material/event_busy:",
            )
        else:
            warning = t("app.bad_param", lang, param=key, value=_quote(raw))
            if defer:
                st.session_state.setdefault(_DEFERRED, []).append(warning)
            else:
                st.warning(warning, icon=":material/link_off:")
    st.session_state[key] = value


def show_deferred_warnings() -> None:
    """Show the warnings about the address that came up before the page began (a bad
    ``?lang=``, read by the language picker): under the page's title, not above it."""
    for warning in st.session_state.pop(_DEFERRED, []):
        st.warning(warning, icon=":material/link_off:")


MONTH = re.compile(r"(19|20)\d{2}-(0[1-9]|1[0-2])")


def _is_month(text: str) -> bool:
    """True for a well-formed month ``YYYY-MM`` (1900–2099)."""
    return bool(MONTH.fullmatch(text))


def clamp_month(key: str, last: str) -> str | None:
    """Bring a month later than ``last`` in ``?key=`` (or in the widget) back to ``last``.

    A link or an earlier choice may name a window end that the chosen outcome's data do not
    reach (the counts end in 2023-10): that is a valid month, not a bad link, so it is
    shortened rather than rejected. Returns the month asked for when it was shortened.
    """
    current = st.session_state.get(key)
    if isinstance(current, str) and MONTH.fullmatch(current) and current > last:
        st.session_state[key] = last
        return current
    raw = st.query_params.get(key)
    if key not in st.session_state and raw and MONTH.fullmatch(raw) and raw > last:
        st.query_params[key] = last
        return raw
    return None


_DEFERRED = "_url_warnings_deferred"  # warnings that wait for the page's title
_PENDING = "_url_pending"  # the address this run is building (None outside a page run)
_LAST = "_url_last"  # what this session last wrote into the address, by key


def in_fragment_rerun() -> bool:
    """Whether this run reruns fragments only (not the whole page)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "fragment_ids_this_run", None))


def _publish(key: str, value: object) -> None:
    """Put a widget's value into the address at once (the browser applies an address change
    sent at the very end of a run only with the next run), and note it as one of the page's
    own parameters (see :func:`write_address`)."""
    text = "true" if value is True else ("false" if value is False else str(value))
    pending = st.session_state.get(_PENDING)
    if pending is not None and not in_fragment_rerun():
        pending[key] = text
    st.session_state.setdefault(_LAST, {})[key] = text
    if st.query_params.get(key) != text:
        st.query_params[key] = text


def begin_address() -> None:
    """Start noting the page's own parameters for this run (called before the page runs)."""
    st.session_state[_PENDING] = {}


def write_address() -> None:
    """Drop the parameters of other pages from the address (a link carried over from another
    page, say): the address holds the page's own parameters and the language only."""
    pending = st.session_state.get(_PENDING)
    st.session_state[_PENDING] = None
    if not pending:
        return
    foreign = set(st.query_params.to_dict()) - set(pending)
    if foreign:
        st.query_params.from_dict(
            {k: v for k, v in st.query_params.to_dict().items() if k in pending}
        )


def _navigated(key: str) -> bool:
    """True when the address holds another value for ``key`` than this session wrote: the
    user went Back or Forward (or edited the address), and the widget should follow."""
    raw = st.query_params.get(key)
    last = st.session_state.get(_LAST, {}).get(key)
    return raw is not None and last is not None and raw != last


def language_picker() -> str:
    """The language selector in the sidebar, kept in the URL as ``?lang=``."""
    _seed("lang", list(LANGS), DEFAULT_LANG, DEFAULT_LANG, parse=normalise_lang, defer=True)
    lang = st.sidebar.segmented_control(
        t("app.language", current_lang()),
        options=list(LANGS),
        format_func=lambda code: LANG_NAMES[code],
        key="lang",
        required=True,
    )
    lang = normalise_lang(lang) or DEFAULT_LANG
    _publish("lang", lang)
    return lang


def url_choice(
    key: str,
    label: str,
    options: Sequence[T],
    *,
    default: T,
    lang: str,
    format_func: Callable[[T], str] = str,
    container: Any = None,
    disabled: bool = False,
    help: str | None = None,
) -> T:
    """A select box whose value is kept in the URL as ``?key=<value>``.

    An unknown value in the URL (a tampered or outdated link) shows a warning naming it and
    falls back to ``default``; it never raises. ``disabled`` greys out a choice that does
    nothing in the current view (``help`` says why); its value is kept.
    """
    options = list(options)
    _seed(key, options, default, lang)
    _relabel_on_language_change(key, lang)
    host = container or st
    value = host.selectbox(
        label, options, format_func=format_func, key=key, disabled=disabled, help=help
    )
    _publish(key, value)
    return value if value is not None else default


def _relabel_on_language_change(key: str, lang: str) -> None:
    """After a language switch, give the widget its value again from the server.

    A keyed select box keeps its identity across runs, and the browser keeps showing the
    label of the selected option as it was formatted (in the old language). Setting the value
    through the session state makes Streamlit send it, with the new label, to the browser."""
    marker = f"_lang_of_{key}"
    if key in st.session_state and st.session_state.get(marker) not in (None, lang):
        st.session_state[key] = st.session_state[key]
    st.session_state[marker] = lang


def url_toggle(
    key: str,
    label: str,
    *,
    lang: str,
    default: bool = False,
    help: str | None = None,
    disabled: bool = False,
) -> bool:
    """A toggle kept in the URL as ``?key=true|false``; the unverified-membership switch gets
    its explanation as help unless another ``help`` is given. ``disabled`` greys out a switch
    that does nothing in the current view; its value is kept."""
    if help is None and key == "unverified":
        help = t("profile.unverified_help", lang)

    def parse(text: str) -> bool | None:
        return {"true": True, "false": False, "1": True, "0": False}.get(text.lower())

    _seed(key, [True, False], default, lang, parse=parse)
    value = bool(st.toggle(label, key=key, help=help, disabled=disabled))
    _publish(key, value)
    return value
