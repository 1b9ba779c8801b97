"""Helpers every feature of the window shares, none of them a feature of its
own: the task runner and thread checks, the crossings from the engine and from
the database's change feed to the GUI thread, the core's messages and
enumerations in the operator's language, plain-text labels, the editing
dialogs' shared pieces and the words for a channel's status."""
