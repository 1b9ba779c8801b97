"""Callbacks: the queue panel of what to call back, the desk that takes a
request and dials it, handing a request on (assign, release, cancel), the
outcome asked after the call, a request made by hand, and the manager's
callback report with its dialog."""
