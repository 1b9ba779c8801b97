"""The calls' sound on the conference bridge: the media clock, tones, mute, the
local conference and recording.

Every call's audio meets ours at the bridge port (sip/audio.py), which the
operator's speaker and microphone sit behind; tones play into it, recorders
hear both it and the call. The wheel has no sound device, so the null device
clocks the bridge, and only while something needs it. Runs on the SIP thread
only, like every pjsua2 object it holds.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping

import pjsua2 as pj

from sip.audio import AudioBackend, BridgePort
from sip.call import SipCall
from sip.config import EngineConfig
from sip.consent_beep import ConsentBeep
from sip.errors import EngineError, describe_error
from sip.events import (
    AutoRecord,
    CallDirection,
    CallMediaChanged,
    CommandFailed,
    Emit,
    MediaStatus,
    RecordingStarted,
    ToneChanged,
)
from sip.ringer import Ringer, tone_for
from sip.safety import log_error_text

log = logging.getLogger(__name__)

# Several 20 ms ticks of the conference bridge's clock (see Media.close).
CONF_SETTLE_S = 0.1
# The media clock (pjsua's null sound device) ticks every 20 ms, and pjmedia's
# bridge writes an empty frame to every port at each tick, so with no call at all
# the bridge port's Python callback ran 50 times a second: ~1.9 % of a core in an
# idle engine. The clock runs while a call, a tone or a closing recording needs
# it and stops this long after the last of them (the bridge's queued port
# removals are done on its ticks meanwhile).
CLOCK_IDLE_S = 2.0

_MEDIA = {
    pj.PJSUA_CALL_MEDIA_NONE: MediaStatus.NONE,
    pj.PJSUA_CALL_MEDIA_ACTIVE: MediaStatus.ACTIVE,
    pj.PJSUA_CALL_MEDIA_LOCAL_HOLD: MediaStatus.LOCAL_HOLD,
    pj.PJSUA_CALL_MEDIA_REMOTE_HOLD: MediaStatus.REMOTE_HOLD,
    pj.PJSUA_CALL_MEDIA_ERROR: MediaStatus.ERROR,
}


def wav_closed(path: str) -> bool:
    """Whether pjmedia has finalised a WAV file (its RIFF size is filled in on close)."""
    try:
        with open(path, "rb") as wav:
            head = wav.read(8)
    except OSError:
        return False
    return len(head) == 8 and head[:4] == b"RIFF" and int.from_bytes(head[4:], "little") > 0


class Media:
    """The bridge port, the ringer and the consent beep, and what the calls'
    audio does with them.

    ``calls`` is the engine's registry, read only: the tone follows every
    call's state, and joined calls are found by id. Of ``config`` only what
    stays the same for the engine's life is read (the clock rate, the
    recordings folder, the first ring-tone setting).
    """

    def __init__(
        self,
        *,
        config: EngineConfig,
        backend: AudioBackend,
        calls: Mapping[str, SipCall],
        endpoint: Callable[[], pj.Endpoint | None],
        emit: Emit,
    ) -> None:
        self._config = config
        self._backend = backend
        self._calls = calls
        self._endpoint = endpoint
        self._emit = emit
        self.bridge: BridgePort | None = None
        self._ringer: Ringer | None = None
        self._beep: ConsentBeep | None = None
        self.clock_on = False  # read by tests and benches, written by the SIP thread
        self._idle_since: float | None = None
        self._ring_tone = config.ring_tone

    def open(self) -> None:
        """Once the library is started, with the media clock on for the ports added."""
        self.bridge = BridgePort(self._backend, self._config.clock_rate)
        self.bridge.open()
        self._ringer = Ringer(self.bridge, self._config.clock_rate)
        self._beep = ConsentBeep(self._config.clock_rate)

    # ----- the media clock --------------------------------------------------------

    def set_clock(self, on: bool) -> None:
        """Start or stop the media clock; a no-op when it already is so."""
        # Starting takes ~0.2 ms; stopping joins the clock thread (up to a tick).
        ep = self._endpoint()
        if on == self.clock_on or ep is None:
            return
        devices = ep.audDevManager()
        if on:
            devices.setNullDev()
        else:
            devices.setNoDev()
        self.clock_on = on
        log.debug("media clock %s", "on" if on else "off")

    def idle_clock(self, busy: bool) -> None:
        """Every loop turn: the clock on while anything needs it (``busy``: a
        call, or an ended call's recording being closed; or a tone), off once
        nothing has for CLOCK_IDLE_S. After a dial this runs right after
        makeCall, while the INVITE is on its way, so starting the clock adds
        nothing to the setup."""
        ringing = self._ringer is not None and self._ringer.playing is not None
        if busy or ringing:
            self._idle_since = None
            self.set_clock(True)
            return
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        elif self.clock_on and now - self._idle_since >= CLOCK_IDLE_S:
            self.set_clock(False)

    def tick(self) -> None:
        """Every loop turn: the consent beep's end."""
        if self._beep is not None and self._beep.playing:
            try:
                self._beep.tick(time.monotonic())
            except pj.Error as error:
                log.warning("consent beep: %s", str(error.reason))

    # ----- a call's audio ---------------------------------------------------------

    def on_call_media_state(self, call: SipCall) -> None:
        assert self.bridge is not None
        self.set_clock(True)  # normally on since the call began
        info = call.getInfo()
        status = MediaStatus.NONE
        for media in info.media:
            if media.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            status = _MEDIA.get(media.status, MediaStatus.ERROR)
            if status in (MediaStatus.ACTIVE, MediaStatus.REMOTE_HOLD, MediaStatus.LOCAL_HOLD):
                audio = call.getAudioMedia(media.index)
                call.audio = audio
                audio.startTransmit(self.bridge)
                self.bridge.startTransmit(audio)
                if call.record.muted:  # a new conference port sends at level 1.0
                    self._apply_mute(call)
                if call.recorder is not None and not call.record.recording_paused:
                    audio.startTransmit(call.recorder)
                if status is MediaStatus.ACTIVE and call.record.connected_at is not None:
                    self.auto_record(call)  # not on early media: ring-back is no call
                # A re-INVITE may have given the call a new conference port.
                for other_id in call.record.joined:
                    other = self._calls.get(other_id)
                    if other is not None and other.audio is not None:
                        audio.startTransmit(other.audio)
                        other.audio.startTransmit(audio)
            break
        call.record.media_status = status
        self.update_tone()
        self._emit(CallMediaChanged(call.record.call_id, status, call.record.muted))

    def drop(self, call: SipCall) -> None:
        """An ended call, as it is reaped: its port is let go, and its joined
        calls forget it."""
        if self._beep is not None:
            self._beep.forget(call.audio)
            self._beep.forget(call.recorder)
        call.audio = None
        call_id = call.record.call_id
        for other_id in call.record.joined:
            other = self._calls.get(other_id)
            if other is not None:
                other.record.joined.discard(call_id)

    def set_mute(self, call: SipCall, mute: bool) -> None:
        call.record.muted = mute
        self._apply_mute(call)
        self._emit(CallMediaChanged(call.record.call_id, call.record.media_status, mute))

    def _apply_mute(self, call: SipCall) -> None:
        # The call port's "rx" level is what the bridge sends into the call, i.e.
        # our voice to the far end; 0 mutes it without renegotiating anything.
        if call.audio is not None:
            call.audio.adjustRxLevel(0.0 if call.record.muted else 1.0)

    def join(self, call: SipCall, other: SipCall, join: bool) -> None:
        if call is other:
            raise EngineError("a call cannot be joined with itself")
        if join:
            call.record.joined.add(other.record.call_id)
            other.record.joined.add(call.record.call_id)
        else:
            call.record.joined.discard(other.record.call_id)
            other.record.joined.discard(call.record.call_id)
        if call.audio is None or other.audio is None:
            return  # connected when their media comes up
        if join:
            call.audio.startTransmit(other.audio)
            other.audio.startTransmit(call.audio)
        else:
            call.audio.stopTransmit(other.audio)
            other.audio.stopTransmit(call.audio)

    # ----- tones ------------------------------------------------------------------

    def set_ring_tone(self, enabled: bool) -> None:
        self._ring_tone = enabled
        self.update_tone()

    def update_tone(self) -> None:
        """Start, switch or stop the ring tone / ring-back after any call changed."""
        if self._ringer is None:
            return
        records = [call.record for call in self._calls.values()]
        tone = tone_for(records, self._ring_tone)
        if tone == self._ringer.playing:
            return
        if tone is not None:
            self.set_clock(True)  # an inbound call's ring comes before any loop turn
        try:
            self._ringer.play(tone)
        except pj.Error as error:
            # A tone is a nicety: failing to play one must not break call handling.
            log.warning("tone not played: %s", describe_error(error))
            return
        self._emit(ToneChanged(tone.value if tone is not None else ""))

    # ----- recording --------------------------------------------------------------

    def start_recording(self, call: SipCall, path: str, automatic: bool = False) -> None:
        assert self.bridge is not None
        if call.recorder is not None:
            raise EngineError("the call is already being recorded")
        recorder = pj.AudioMediaRecorder()
        recorder.createRecorder(path)
        call.recorder = recorder
        call.record.recording = path
        # Both voices: the far end's (call port) and ours (the bridge port).
        self.bridge.startTransmit(recorder)
        if call.audio is not None:
            call.audio.startTransmit(recorder)
        self._consent_beep(call)
        self._emit(RecordingStarted(call.record.call_id, path, automatic))

    def auto_record(self, call: SipCall) -> None:
        """Records the call from the answer when its account says so: all calls,
        or the incoming ones. Tried once: a recording the operator paused stays
        paused over a hold and a resume (the recorder is kept, not made again),
        and a folder that can't be written is said once, not at each re-INVITE."""
        policy = call.account.config.auto_record
        folder = self._config.recordings_dir
        wanted = policy is AutoRecord.ALL or (
            policy is AutoRecord.INBOUND and call.record.direction is CallDirection.INBOUND
        )
        if not wanted or not folder or call.record.auto_record_tried:
            return
        call.record.auto_record_tried = True
        if call.record.recording is not None:
            return  # the operator pressed Record first
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = os.path.join(folder, f"{stamp}-{call.record.call_id}.wav")
        try:
            os.makedirs(folder, exist_ok=True)
            self.start_recording(call, path, automatic=True)
        except (OSError, pj.Error, EngineError) as error:
            # The call goes on unrecorded; the operator is told (and may press Record).
            log.warning("call %s: not recorded: %s", call.record.call_id, describe_error(error))
            self._emit(
                CommandFailed(
                    "StartRecording", describe_error(error), call_id=call.record.call_id
                )
            )

    def _consent_beep(self, call: SipCall) -> None:
        if (
            call.account.config.recording_beep
            and self._beep is not None
            and self.bridge is not None
            and call.audio is not None
        ):
            # The customer, the operator, and the recording itself: the file
            # shows that the customer was told.
            targets: list[pj.AudioMedia] = [call.audio, self.bridge]
            if call.recorder is not None:
                targets.append(call.recorder)
            try:
                self._beep.play(targets)
            except pj.Error as error:  # the recording goes on; only the tone is missing
                log.warning("call %s: no consent beep: %s", call.record.call_id, str(error.reason))

    def pause_recording(self, call: SipCall, paused: bool) -> None:
        assert self.bridge is not None
        recorder = call.recorder
        if recorder is None:
            raise EngineError("the call is not being recorded")
        if call.record.recording_paused == paused:
            return
        call.record.recording_paused = paused
        sources: list[pj.AudioMedia] = [self.bridge]
        if call.audio is not None:
            sources.append(call.audio)
        for source in sources:
            if paused:
                source.stopTransmit(recorder)
            else:
                source.startTransmit(recorder)
        if not paused:
            self._consent_beep(call)  # recorded again: said again

    # ----- shutdown ---------------------------------------------------------------

    def close(self, pump: Callable[[float], None]) -> None:
        """At shutdown, once the calls' ports are let go and before the accounts
        and the library go: the tones and the bridge port, each dropped at a
        moment chosen against the clock's ticks. ``pump`` keeps pjsip running
        for that many seconds."""
        # The tone generators are disconnected here and dropped with the bridge
        # port below once the clock has ticked: the same asynchronous removal as
        # the bridge's. (No loop variable: it would keep one alive past that.)
        if self._ringer is not None:
            try:
                self._ringer.close()
            except BaseException:
                log_error_text(log, "ring tone failed to stop")
        if self._beep is not None:
            try:
                self._beep.close()
            except BaseException:
                log_error_text(log, "consent beep failed to stop")
        if self.bridge is not None:
            ep = self._endpoint()
            assert ep is not None
            try:
                self.bridge.close()
            except Exception:
                log_error_text(log, "audio backend failed to stop")
            # pjmedia removes conference ports on its clock thread, a tick or two
            # after asked (the calls' ports above, the bridge port below). A port
            # freed while the clock still calls it is a use-after-free (seen as
            # SIGSEGV in the start/stop cycles), so let the removals happen first.
            pump(CONF_SETTLE_S)
            bridge, self.bridge = self.bridge, None
            ringer, self._ringer = self._ringer, None
            beep, self._beep = self._beep, None
            # Garbage cycles that still point at the port (a traceback kept in a
            # frame, say) go now, while ``bridge`` keeps it alive: then the
            # ``del`` below is the port's end, at a moment we choose.
            gc.collect()
            extra = sys.getrefcount(bridge) - 2  # ours and getrefcount's argument
            extra -= 1 if ringer is not None else 0  # the ringer plays into it
            if extra:
                log.warning("audio bridge port still referenced %d more time(s)", extra)
            # Stop the media clock before the ports go. Their wrappers are freed
            # with the GIL released (SWIG), and a tick that calls into a port whose
            # Python object is being freed revives and frees it twice (seen as
            # SIGBUS/SIGSEGV in teardown under load: a core showed the port freed
            # inside ``del bridge``); timing the drop between ticks was not enough
            # on a busy machine. setNoDev() joins the null device's clock thread.
            ep.audDevManager().setNoDev()
            del ringer, beep, bridge
            # pjmedia removes the ports from the bridge at its next tick (first
            # thing in it, before any port is touched): clock it again for that.
            ep.audDevManager().setNullDev()
            pump(CONF_SETTLE_S)
