"""The phone half of the window: the calls the operator has (CallBook), the
commands on them (CallControl), the dial field and pad, DTMF keys, the line
picker, the active-call panel and its notes, the screen-pop of a ringing call,
the calls' OS audio and devices, recordings played back, and the status bar's
words on registration and on the call log's writes."""
