<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../ui/conversations/attachment_chips.py" line="122"/>
        <source>Remove %1</source>
        <translation>Убрать %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/attachment_chips.py" line="123"/>
        <source>Remove this file from the message</source>
        <translation>Убрать этот файл из сообщения</translation>
    </message>
</context>
<context>
    <name>AudioPage</name>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="100"/>
        <source>Speak: the bar moves with your voice.</source>
        <translation>Говорите: полоска движется вместе с голосом.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="101"/>
        <source>Play test sound</source>
        <translation>Проверить звук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="110"/>
        <source>Built-in tone</source>
        <translation>Встроенная мелодия</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="111"/>
        <source>Off (window and tray only)</source>
        <translation>Выключен (только окно и значок в трее)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="115"/>
        <source>Microphone:</source>
        <translation>Микрофон:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="116"/>
        <source>Input level:</source>
        <translation>Уровень сигнала:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="117"/>
        <source>Speaker or headset:</source>
        <translation>Динамики или гарнитура:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="118"/>
        <source>Ring tone:</source>
        <translation>Сигнал вызова:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="120"/>
        <source>Codecs:</source>
        <translation>Кодеки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="124"/>
        <source>Changes apply when you save, to a call in progress too. An unplugged device is replaced by the system default until it is back.</source>
        <translation>Изменения вступают в силу при сохранении, в том числе для текущего звонка. Отключённое устройство заменяется системным по умолчанию, пока его не подключат снова.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="132"/>
        <source>No audio devices found: calls have no sound.</source>
        <translation>Звуковые устройства не найдены: звонки будут без звука.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="145"/>
        <source>System default</source>
        <translation>Системное по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="152"/>
        <source>%1 (not connected)</source>
        <translation>%1 (не подключено)</translation>
    </message>
</context>
<context>
    <name>AudioRouting</name>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="108"/>
        <source>No audio devices found: calls have no sound.</source>
        <translation>Звуковые устройства не найдены: звонки будут без звука.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="111"/>
        <source>No audio output: the caller can&apos;t be heard.</source>
        <translation>Нет устройства вывода звука: собеседника не слышно.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="114"/>
        <source>Audio output “%1” is not connected; using %2.</source>
        <translation>Устройство вывода «%1» не подключено; используется %2.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="119"/>
        <source>No microphone: the caller hears silence.</source>
        <translation>Нет микрофона: собеседник слышит тишину.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="122"/>
        <source>Microphone “%1” is not connected; using %2.</source>
        <translation>Микрофон «%1» не подключён; используется %2.</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../ui/calls/call_control.py" line="65"/>
        <source>Type a number to call.</source>
        <translation>Введите номер, чтобы позвонить.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="67"/>
        <source>Letters can&apos;t be dialled: type the number with digits only.</source>
        <translation>Буквы набрать нельзя: введите номер только цифрами.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="70"/>
        <source>That is not a phone number: use digits, spaces, dashes, brackets and a leading +.</source>
        <translation>Это не номер телефона: используйте цифры, пробелы, дефисы, скобки и + в начале.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="72"/>
        <source>That number is too long to be a phone number.</source>
        <translation>Номер слишком длинный для телефонного.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="73"/>
        <source>That SIP address is not valid.</source>
        <translation>Неверный SIP-адрес.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="79"/>
        <source>The phone engine is not running, so calls can&apos;t be placed.</source>
        <translation>Телефонный модуль не запущен, звонить нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="81"/>
        <source>No SIP account configured: add one in Settings &gt; Accounts.</source>
        <translation>Нет SIP-аккаунта: добавьте его в Настройки &gt; Аккаунты.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="101"/>
        <source>Nothing to redial yet: no call was placed.</source>
        <translation>Повторять нечего: ещё не было ни одного звонка.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="134"/>
        <source>The call could not be placed: %1</source>
        <translation>Не удалось позвонить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="156"/>
        <source>No call is ringing.</source>
        <translation>Входящих звонков нет.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="173"/>
        <source>There is no call to hang up.</source>
        <translation>Нет звонка, который можно завершить.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="222"/>
        <source>An attended transfer needs a second call.</source>
        <translation>Для перевода с консультацией нужен второй звонок.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="246"/>
        <source>Recording is not available: no folder for recordings.</source>
        <translation>Запись недоступна: нет папки для записей.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="284"/>
        <source>A conference needs exactly two answered calls.</source>
        <translation>Для конференции нужны ровно два отвеченных звонка.</translation>
    </message>
</context>
<context>
    <name>CallLogStatus</name>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="57"/>
        <source>The database refuses writes: %n call event(s) kept on this computer</source>
        <translation>
            <numerusform>База данных не принимает запись: %n событие звонка сохранено на этом компьютере</numerusform>
            <numerusform>База данных не принимает запись: %n события звонков сохранены на этом компьютере</numerusform>
            <numerusform>База данных не принимает запись: %n событий звонков сохранено на этом компьютере</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="62"/>
        <source>The database says: %1</source>
        <translation>База данных сообщает: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="63"/>
        <source>They are written as soon as it takes them, also after a restart.</source>
        <translation>Они будут записаны, как только база данных их примет, в том числе после перезапуска.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="68"/>
        <source>The database refused %n call event(s) for good: kept on this computer</source>
        <translation>
            <numerusform>База данных окончательно отклонила %n событие звонка: оно сохранено на этом компьютере</numerusform>
            <numerusform>База данных окончательно отклонила %n события звонков: они сохранены на этом компьютере</numerusform>
            <numerusform>База данных окончательно отклонила %n событий звонков: они сохранены на этом компьютере</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="74"/>
        <source>It refused them with: %1</source>
        <translation>Причина отказа: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="77"/>
        <source>They are tried again at the next start; the other calls go on.</source>
        <translation>Их запись будет повторена при следующем запуске; остальные звонки записываются как обычно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="82"/>
        <source>%n call event(s) cut short by a crash were skipped</source>
        <translation>
            <numerusform>%n событие звонка, оборванное сбоем, пропущено</numerusform>
            <numerusform>%n события звонков, оборванные сбоем, пропущены</numerusform>
            <numerusform>%n событий звонков, оборванных сбоем, пропущено</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="85"/>
        <source>They were set aside next to the spool file; the log says where.</source>
        <translation>Они отложены рядом с файлом очереди; где именно, указано в журнале.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="89"/>
        <source>They can&apos;t be kept on the disk (%1): a crash would lose them.</source>
        <translation>Их нельзя сохранить на диске (%1): при сбое они будут потеряны.</translation>
    </message>
</context>
<context>
    <name>CallNotes</name>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="40"/>
        <source>Notes on this call: saved as you type</source>
        <translation>Заметки к этому звонку: сохраняются, пока вы пишете</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="41"/>
        <source>Call notes</source>
        <translation>Заметки к звонку</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="75"/>
        <source>Notes on the call with %1 (ended)</source>
        <translation>Заметки к звонку с %1 (завершён)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="77"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="46"/>
        <source>No active call</source>
        <translation>Нет активного звонка</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="76"/>
        <source>Answer</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="79"/>
        <location filename="../../ui/calls/call_panel.py" line="256"/>
        <source>Hold</source>
        <translation>Удержать</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="81"/>
        <location filename="../../ui/calls/call_panel.py" line="258"/>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="83"/>
        <source>Keypad</source>
        <translation>Клавиатура</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="85"/>
        <location filename="../../ui/calls/call_panel.py" line="261"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="97"/>
        <location filename="../../ui/calls/call_panel.py" line="271"/>
        <source>Hang up</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="103"/>
        <source>Transfer</source>
        <translation>Перевести</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="189"/>
        <source>On hold</source>
        <translation>На удержании</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="191"/>
        <source>Held by the other side</source>
        <translation>Удержан собеседником</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="195"/>
        <source>Talking</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="193"/>
        <location filename="../../ui/calls/call_panel.py" line="195"/>
        <source>muted</source>
        <translation>микрофон выключен</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="87"/>
        <source>Conference</source>
        <translation>Конференция</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="89"/>
        <source>Join the active call with the held one: all three of you talk</source>
        <translation>Объединить активный звонок с удержанным: говорите втроём</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="92"/>
        <source>Split</source>
        <translation>Разделить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="94"/>
        <source>End the conference: keep the active call, put the other on hold</source>
        <translation>Завершить конференцию: активный звонок остаётся, другой ставится на удержание</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="193"/>
        <source>In conference</source>
        <translation>В конференции</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="197"/>
        <source>Incoming call…</source>
        <translation>Входящий звонок…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="199"/>
        <source>Ringing…</source>
        <translation>Идёт вызов…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="201"/>
        <source>Connecting…</source>
        <translation>Соединение…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="202"/>
        <source>Calling…</source>
        <translation>Набор номера…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="256"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="258"/>
        <source>Unmute</source>
        <translation>Включить звук</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="262"/>
        <source>Record this call</source>
        <translation>Записать разговор</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="264"/>
        <source>Resume rec.</source>
        <translation>Продолжить запись</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="265"/>
        <source>Recording paused: this part is not recorded</source>
        <translation>Запись на паузе: эта часть не записывается</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="267"/>
        <source>Pause rec.</source>
        <translation>Пауза записи</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="269"/>
        <source>Recording. Pause it while the customer reads out card details</source>
        <translation>Идёт запись. Поставьте на паузу, пока клиент диктует данные карты</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="271"/>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="295"/>
        <source>Blind transfer to a number…</source>
        <translation>Перевести на номер без консультации…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="301"/>
        <source>Attended transfer: call the colleague first</source>
        <translation>Перевод с консультацией: сначала позвоните коллеге</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="308"/>
        <source>Attended transfer to %1</source>
        <translation>Перевести с консультацией на %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="337"/>
        <source>Blind transfer</source>
        <translation>Перевод без консультации</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="338"/>
        <source>Transfer the call to (number or SIP address):</source>
        <translation>Перевести звонок на (номер или SIP-адрес):</translation>
    </message>
</context>
<context>
    <name>CallbackDesk</name>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="171"/>
        <source>The callback queue could not be read: %1</source>
        <translation>Не удалось прочитать очередь обратных звонков: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="189"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Прежде чем брать обратные звонки, укажите имя оператора в настройках.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="198"/>
        <source>Save how the last callback went first.</source>
        <translation>Сначала сохраните результат предыдущего обратного звонка.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="203"/>
        <source>Finish the current call before taking a callback.</source>
        <translation>Завершите текущий звонок, прежде чем брать обратный звонок.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="207"/>
        <source>The phone engine is not running, so calls can&apos;t be placed.</source>
        <translation>Телефонный модуль не запущен, звонить невозможно.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="225"/>
        <source>No callback is due right now.</source>
        <translation>Сейчас нет обратных звонков к выполнению.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="242"/>
        <source>Calling back %1…</source>
        <translation>Перезваниваем: %1…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="256"/>
        <source>This callback can&apos;t be taken: %1</source>
        <translation>Этот обратный звонок нельзя взять: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="260"/>
        <source>The callback call could not be placed: %1</source>
        <translation>Не удалось позвонить по заявке: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="311"/>
        <source>The outcome of the callback to %1 was not saved: it returns to the queue when your claim expires.</source>
        <translation>Результат обратного звонка %1 не сохранён: заявка вернётся в очередь, когда истечёт ваша бронь.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="335"/>
        <source>Callback outcome saved: %1.</source>
        <translation>Результат обратного звонка сохранён: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="346"/>
        <source>Another operator took the callback to %1 after your claim expired, so this outcome was not saved. The call is on the customer&apos;s timeline.</source>
        <translation>Обратный звонок %1 взял другой оператор после того, как истекла ваша бронь, поэтому результат не сохранён. Звонок есть в истории клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="353"/>
        <source>The callback outcome could not be saved: %1</source>
        <translation>Не удалось сохранить результат обратного звонка: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="368"/>
        <source>Callbacks</source>
        <translation>Обратные звонки</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="373"/>
        <source>Open settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
</context>
<context>
    <name>CallbackHandover</name>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="75"/>
        <source>Assign callback #%1</source>
        <translation>Назначить обратный звонок №%1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="77"/>
        <source>Give it to the operator (only they get it with “Call next”):</source>
        <translation>Передать оператору (только он получит его через «Позвонить следующему»):</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="81"/>
        <source>Assign</source>
        <translation>Назначить</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="93"/>
        <source>Callback #%1 is assigned to %2.</source>
        <translation>Обратный звонок №%1 назначен оператору %2.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="114"/>
        <source>Callback #%1 is back in the queue for everyone.</source>
        <translation>Обратный звонок №%1 снова в общей очереди.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="116"/>
        <source>Callback #%1 was not held by you: nothing changed.</source>
        <translation>Обратный звонок №%1 не был за вами: ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="128"/>
        <source>Cancel callback #%1</source>
        <translation>Отменить обратный звонок №%1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="131"/>
        <source>Nobody will call %1 back for this request. Why? (kept on the timeline)</source>
        <translation>По этой заявке никто не перезвонит %1. Почему? (сохранится в истории)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="135"/>
        <source>Cancel the callback</source>
        <translation>Отменить звонок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="136"/>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="150"/>
        <source>Callback #%1 is cancelled.</source>
        <translation>Обратный звонок №%1 отменён.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="163"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Прежде чем брать обратные звонки, укажите имя оператора в настройках.</translation>
    </message>
</context>
<context>
    <name>CallbackOutcomeDialog</name>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="43"/>
        <source>Callback outcome</source>
        <translation>Итог обратного звонка</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="46"/>
        <source>&amp;1 Reached</source>
        <translation>&amp;1 Дозвонились</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="47"/>
        <source>&amp;2 No answer</source>
        <translation>&amp;2 Не ответил</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="48"/>
        <source>&amp;3 Busy</source>
        <translation>&amp;3 Занято</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="49"/>
        <source>&amp;4 Voicemail</source>
        <translation>&amp;4 Автоответчик</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="50"/>
        <source>&amp;5 Wrong number</source>
        <translation>&amp;5 Ошибочный номер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="51"/>
        <source>&amp;6 Asked to call later at:</source>
        <translation>&amp;6 Просил перезвонить в:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="54"/>
        <source>How did the call to {0} go?</source>
        <translation>Чем закончился звонок {0}?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="69"/>
        <source>%n more attempt(s) will be scheduled if not reached.</source>
        <translation>
            <numerusform>Если не дозвонимся, будет запланирована ещё %n попытка.</numerusform>
            <numerusform>Если не дозвонимся, будут запланированы ещё %n попытки.</numerusform>
            <numerusform>Если не дозвонимся, будет запланировано ещё %n попыток.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="71"/>
        <source>This was the last attempt: a message will be proposed instead.</source>
        <translation>Это была последняя попытка: вместо звонка будет предложено сообщение.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="108"/>
        <source>Choose how the call went.</source>
        <translation>Выберите, чем закончился звонок.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="111"/>
        <source>The time to call back is in the past.</source>
        <translation>Время обратного звонка уже прошло.</translation>
    </message>
</context>
<context>
    <name>CallbackPolicyPage</name>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="111"/>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="112"/>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="113"/>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="114"/>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="115"/>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="116"/>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="117"/>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="120"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="121"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="122"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="123"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="124"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="125"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="126"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="128"/>
        <source>Shop time zone</source>
        <translation>Часовой пояс магазина</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="129"/>
        <source>Holidays</source>
        <translation>Выходные дни</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="130"/>
        <source>Retry schedule</source>
        <translation>Повторные попытки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="138"/>
        <source>closed</source>
        <translation>не работаем</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="141"/>
        <source>Shifts separated by commas, e.g. 09:00-13:00, 14:00-18:00. A shift may end after midnight (22:00-02:00). Empty: closed all day.</source>
        <translation>Смены через запятую, например 09:00-13:00, 14:00-18:00. Смена может заканчиваться после полуночи (22:00-02:00). Пусто — выходной весь день.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="148"/>
        <source>e.g. 2026-01-01, 2026-01-07</source>
        <translation>например 2026-01-01, 2026-01-07</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="150"/>
        <source>Days the shop is closed, as 2026-12-25, separated by commas or spaces.</source>
        <translation>Дни, когда магазин не работает, в виде 2026-12-25, через запятую или пробел.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="155"/>
        <source>Working time from a request to its first call. Only open hours count: 15 minutes asked at 17:55 on a Friday, with the shop closing at 18:00, end at 09:10 on Monday.</source>
        <translation>Рабочее время от заявки до первого звонка. Считаются только рабочие часы: 15 минут, запрошенные в пятницу в 17:55 при закрытии в 18:00, истекают в понедельник в 09:10.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="162"/>
        <source>none: one call only</source>
        <translation>нет: только один звонок</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="165"/>
        <source>The waits after each call that did not reach the customer: 15m, 1h, 2d, or next_day (the next working day&apos;s opening). After the last one, a message is proposed instead.</source>
        <translation>Паузы после каждого звонка, которым не удалось дозвониться: 15m, 1h, 2d или next_day (начало следующего рабочего дня). После последней предлагается отправить сообщение.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="175"/>
        <source>How long a request you took stays yours before a colleague may take it; a call in progress keeps it.</source>
        <translation>Сколько взятая заявка остаётся за вами, прежде чем её сможет взять коллега; текущий звонок её удерживает.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="188"/>
        <source>Changes apply when you save, to new requests and the next retries; requests already in the queue keep their deadlines.</source>
        <translation>Изменения вступают в силу при сохранении — для новых заявок и следующих попыток; у заявок, уже стоящих в очереди, сроки не меняются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="201"/>
        <source>Call back within (SLA):</source>
        <translation>Перезвонить в течение (SLA):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="203"/>
        <source>A taken request stays yours for:</source>
        <translation>Взятая заявка остаётся за вами:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="216"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="239"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="300"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="320"/>
        <source>Open now.</source>
        <translation>Сейчас открыто.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="327"/>
        <source>Next opening: %1 (%2)</source>
        <translation>Ближайшее открытие: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="329"/>
        <source>in %1</source>
        <translation>через %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="340"/>
        <source>%1 d</source>
        <translation>%1 дн</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="342"/>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="344"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
</context>
<context>
    <name>CallbackQueueModel</name>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="103"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="104"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="105"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="106"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="107"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="108"/>
        <source>Taken by</source>
        <translation>Взял</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="113"/>
        <source>Missed call</source>
        <translation>Пропущенный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="114"/>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="115"/>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="116"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="117"/>
        <source>Manual</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="150"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="160"/>
        <source>%1 (assigned)</source>
        <translation>%1 (назначен)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="168"/>
        <source>Assigned to %1: only they get it with “Call next”</source>
        <translation>Назначен оператору %1: только он получит его через «Позвонить следующему»</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="172"/>
        <source>Due {0}</source>
        <translation>Срок {0}</translation>
    </message>
</context>
<context>
    <name>CallbackQueuePanel</name>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="205"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="206"/>
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="207"/>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="213"/>
        <source>Call next</source>
        <translation>Позвонить следующему</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="214"/>
        <source>Take the most urgent request and dial (F9)</source>
        <translation>Взять самую срочную заявку и позвонить (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="219"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="288"/>
        <source>Assign to…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="289"/>
        <source>Give this request to an operator: only they get it with “Call next”</source>
        <translation>Передать заявку оператору: только он получит её через «Позвонить следующему»</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="295"/>
        <source>Release</source>
        <translation>Вернуть в очередь</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="296"/>
        <source>Give this request back to everyone</source>
        <translation>Вернуть заявку в общую очередь</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="302"/>
        <source>Cancel request…</source>
        <translation>Отменить заявку…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="303"/>
        <source>Nobody is to call this customer back: close the request, saying why</source>
        <translation>Перезванивать клиенту не нужно: закрыть заявку с указанием причины</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="341"/>
        <source>Call back</source>
        <translation>Перезвонить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="353"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n ожидает</numerusform>
            <numerusform>%n ожидают</numerusform>
            <numerusform>%n ожидают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="355"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочена</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallbackReportDialog</name>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="43"/>
        <source>Callback report</source>
        <translation>Отчёт по обратным звонкам</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="63"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="83"/>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="96"/>
        <source>The report could not be made: %1</source>
        <translation>Не удалось построить отчёт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="111"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="113"/>
        <source>The report could not be saved: %1</source>
        <translation>Не удалось сохранить отчёт: %1</translation>
    </message>
</context>
<context>
    <name>CallbackReportView</name>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="48"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="49"/>
        <location filename="../../ui/callbacks/callback_report_view.py" line="147"/>
        <source>Requests</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="50"/>
        <location filename="../../ui/callbacks/callback_report_view.py" line="87"/>
        <source>Reached</source>
        <translation>Дозвонились</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="51"/>
        <source>1st try, median</source>
        <translation>1-я попытка, медиана</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="51"/>
        <source>Median time to the first attempt, minutes</source>
        <translation>Медиана времени до первой попытки, минуты</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="52"/>
        <source>1st try, p90</source>
        <translation>1-я попытка, p90</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="52"/>
        <source>90% of requests were tried within, minutes</source>
        <translation>90% заявок обработаны в течение, минут</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="53"/>
        <source>Reach, median</source>
        <translation>Дозвон, медиана</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="53"/>
        <source>Median time to reach the customer, minutes</source>
        <translation>Медиана времени до разговора с клиентом, минуты</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="54"/>
        <source>In SLA</source>
        <translation>В SLA</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="54"/>
        <source>Share of requests first tried within the SLA</source>
        <translation>Доля заявок с первой попыткой в пределах SLA</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="64"/>
        <source>Times are minutes of working time.</source>
        <translation>Время указано в минутах рабочего времени.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="67"/>
        <source>Outcomes</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="72"/>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="88"/>
        <source>No answer</source>
        <translation>Не ответил</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="89"/>
        <source>Busy</source>
        <translation>Занято</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="90"/>
        <source>Voicemail</source>
        <translation>Автоответчик</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="91"/>
        <source>Wrong number</source>
        <translation>Ошибочный номер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="92"/>
        <source>Call later</source>
        <translation>Перезвонить позже</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="93"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="102"/>
        <source>{0} requests · {1} reached · median to first attempt {2} min · within SLA {3}</source>
        <translation>Заявок: {0} · дозвонились: {1} · медиана до первой попытки {2} мин · в SLA {3}</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="111"/>
        <source>Everyone</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="170"/>
        <source>Export callback report</source>
        <translation>Экспорт отчёта по обратным звонкам</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="170"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CallbackRequestDialog</name>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="106"/>
        <source>Request a callback</source>
        <translation>Заявка на обратный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="126"/>
        <source>+380 50 123 45 67</source>
        <translation>+380 50 123 45 67</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="129"/>
        <source>Only within this time</source>
        <translation>Только в это время</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="136"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="140"/>
        <source>Shop time (%1)</source>
        <translation>Время магазина (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="147"/>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="148"/>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="149"/>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="152"/>
        <source>What the customer wants, what to prepare</source>
        <translation>Что нужно клиенту, что подготовить</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="158"/>
        <source>Customer:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="159"/>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="160"/>
        <source>Preferred time:</source>
        <translation>Удобное время:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="163"/>
        <source>Priority:</source>
        <translation>Приоритет:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="164"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="211"/>
        <source>Type the number to call back.</source>
        <translation>Введите номер для обратного звонка.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="216"/>
        <source>The preferred time ends before it starts.</source>
        <translation>Удобное время заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="220"/>
        <source>The preferred time is already over: choose one that ends later.</source>
        <translation>Удобное время уже прошло: выберите более позднее.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="245"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>ChannelService</name>
    <message>
        <location filename="../../ui/shell/channel_service.py" line="272"/>
        <source>Messengers not started: %1</source>
        <translation>Мессенджеры не запущены: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/channel_service.py" line="328"/>
        <source>Messengers: %n bot(s) connected</source>
        <translation>
            <numerusform>Мессенджеры: подключён %n бот</numerusform>
            <numerusform>Мессенджеры: подключены %n бота</numerusform>
            <numerusform>Мессенджеры: подключено %n ботов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelStatus</name>
    <message>
        <location filename="../../ui/common/channel_status.py" line="77"/>
        <source>a webhook is set</source>
        <translation>установлен вебхук</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="79"/>
        <source>served by another Switchboard window on this database</source>
        <translation>его обслуживает другое окно Switchboard на этой базе данных</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="82"/>
        <source>another program reads this bot</source>
        <translation>этого бота читает другая программа</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="85"/>
        <source>too many requests, waiting</source>
        <translation>слишком много запросов, ожидание</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="87"/>
        <source>too many requests, waiting until %1</source>
        <translation>слишком много запросов, ожидание до %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="91"/>
        <source>connecting…</source>
        <translation>подключение…</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="92"/>
        <source>connected</source>
        <translation>подключён</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="94"/>
        <source>password refused</source>
        <translation>пароль отклонён</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="96"/>
        <source>token refused</source>
        <translation>токен отклонён</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="98"/>
        <source>not reachable, retrying</source>
        <translation>недоступен, повторяем</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="101"/>
        <source>can&apos;t start</source>
        <translation>не запускается</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="102"/>
        <source>off</source>
        <translation>выключен</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="103"/>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="113"/>
        <source>Telegram sends this bot&apos;s messages to a webhook, not to Switchboard. Remove it in Settings &gt; Telegram: Test, then Remove webhook.</source>
        <translation>Telegram отправляет сообщения этого бота на вебхук, а не в Switchboard. Удалите его в Настройки &gt; Telegram: «Проверить», затем «Удалить вебхук».</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="119"/>
        <source>A bot is read by one Switchboard window per database, here another one (below). This window takes the bot over by itself when that one closes.</source>
        <translation>Бота читает только одно окно Switchboard на одну базу данных, сейчас — другое (см. ниже). Это окно само возьмёт бота, когда то окно закроется.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="124"/>
        <source>A bot is read by one program at a time: stop the other one, or give Switchboard a bot of its own.</source>
        <translation>Бота может читать только одна программа: остановите другую или заведите для Switchboard отдельного бота.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="131"/>
        <source>The mail server refused the user name or password: enter the current ones in Settings &gt; Email.</source>
        <translation>Почтовый сервер отклонил имя пользователя или пароль: введите действующие в Настройки &gt; Эл. почта.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="137"/>
        <source>The token was revoked or is wrong: enter the current one from @BotFather in Settings &gt; Telegram.</source>
        <translation>Токен отозван или неверен: введите действующий от @BotFather в Настройки &gt; Telegram.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="143"/>
        <source>Check the mailbox in Settings &gt; Email.</source>
        <translation>Проверьте почтовый ящик в Настройки &gt; Эл. почта.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="145"/>
        <source>Check the bot in Settings &gt; Telegram.</source>
        <translation>Проверьте бота в Настройки &gt; Telegram.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="159"/>
        <source>%1 “%2”: %3</source>
        <translation>%1 «%2»: %3</translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="29"/>
        <location filename="../../ui/conversations/chat_settings.py" line="35"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="31"/>
        <source>A waiting chat&apos;s clock turns amber after this long</source>
        <translation>Через столько времени часы ожидающего чата становятся жёлтыми</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="37"/>
        <source>…and red after this long</source>
        <translation>…а через столько — красными</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="41"/>
        <source>Show the message&apos;s first words in notifications</source>
        <translation>Показывать первые слова сообщения в уведомлениях</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="44"/>
        <source>Off: a notification says only who wrote (others may see your screen).</source>
        <translation>Выключено: уведомление говорит только, кто написал (ваш экран могут видеть другие).</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="47"/>
        <source>Play a sound for a new message</source>
        <translation>Звук при новом сообщении</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="49"/>
        <source>While the window is not in front, with the notification.</source>
        <translation>Когда окно не на переднем плане, вместе с уведомлением.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="54"/>
        <source>amber after</source>
        <translation>жёлтые через</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="56"/>
        <source>red after</source>
        <translation>красные через</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="64"/>
        <source>Waiting chats:</source>
        <translation>Ожидающие чаты:</translation>
    </message>
</context>
<context>
    <name>CodecList</name>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="56"/>
        <source>Ticked codecs are offered in this order; the others are off. Alt+Up and Alt+Down move the selected one.</source>
        <translation>Отмеченные кодеки предлагаются в этом порядке, остальные выключены. Alt+Вверх и Alt+Вниз перемещают выбранный.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="66"/>
        <source>more CPU</source>
        <translation>больше CPU</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="68"/>
        <source>costs more CPU; few PBXs need it</source>
        <translation>нагружает процессор сильнее; нужен немногим АТС</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="83"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="84"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/conversations/composer.py" line="188"/>
        <source>Don&apos;t answer this message, write a new one</source>
        <translation>Не отвечать на это сообщение, написать новое</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="189"/>
        <source>Cancel the reply</source>
        <translation>Отменить ответ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="211"/>
        <source>Attach…</source>
        <translation>Прикрепить…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="214"/>
        <source>Attach files (or drop them here, or paste an image)</source>
        <translation>Прикрепить файлы (или перетащите их сюда, или вставьте изображение)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="217"/>
        <source>Quick replies</source>
        <translation>Быстрые ответы</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="219"/>
        <source>Insert a quick reply (/ or Ctrl+/)</source>
        <translation>Вставить быстрый ответ (/ или Ctrl+/)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="227"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="375"/>
        <source>Send (Enter; Shift+Enter starts a new line)</source>
        <translation>Отправить (Enter; Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="377"/>
        <source>Write a message… Enter sends, / inserts a quick reply</source>
        <translation>Напишите сообщение… Enter — отправить, / — быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="380"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="382"/>
        <source>Write a message… Ctrl+Enter sends, / inserts a quick reply</source>
        <translation>Напишите сообщение… Ctrl+Enter — отправить, / — быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="470"/>
        <source>The draft was damaged on the disk; its last good copy is back.</source>
        <translation>Черновик на диске был повреждён; восстановлена его последняя целая копия.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="585"/>
        <source>Reply to: %1</source>
        <translation>Ответ на: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="585"/>
        <source>Reply to a message</source>
        <translation>Ответ на сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="595"/>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="611"/>
        <source>This file is gone or can&apos;t be read: remove it to send the message.</source>
        <translation>Этого файла больше нет или его нельзя прочитать: уберите его, чтобы отправить сообщение.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="620"/>
        <source>“%1” is %2: %3 takes files up to %4.</source>
        <translation>«%1» — %2, а %3 принимает файлы до %4.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="644"/>
        <source>“%1” is not a file that can be read.</source>
        <translation>«%1» — не файл или его нельзя прочитать.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="647"/>
        <source>Not attached.</source>
        <translation>Не прикреплён.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="655"/>
        <source>“%1” is not a picture, whatever its name says: it will go as a file.</source>
        <translation>«%1» — не картинка, что бы ни говорило имя: файл уйдёт как документ.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="672"/>
        <source>The clipboard&apos;s image could not be read.</source>
        <translation>Не удалось прочитать изображение из буфера обмена.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="685"/>
        <source>The pasted image could not be saved: %1</source>
        <translation>Не удалось сохранить вставленное изображение: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/composer.py" line="764"/>
        <source>will go as %n messages</source>
        <translation>
            <numerusform>разделится на %n сообщение</numerusform>
            <numerusform>разделится на %n сообщения</numerusform>
            <numerusform>разделится на %n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="863"/>
        <source>Write a message or attach a file before sending.</source>
        <translation>Напишите сообщение или прикрепите файл, прежде чем отправлять.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="953"/>
        <source>“%1” is gone since it was attached (deleted or moved): remove it or attach it again.</source>
        <translation>«%1» исчез после того, как его прикрепили (удалён или перемещён): уберите его или прикрепите заново.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="956"/>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
</context>
<context>
    <name>ConfigProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="345"/>
        <source>Switchboard can&apos;t tell which database to use</source>
        <translation>Switchboard не может определить, какую базу данных использовать</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="352"/>
        <source>Switchboard does not pick a database by itself: on the local database, this computer&apos;s calls would not reach a team&apos;s database. Fix the file and try again, enter the database to use, or start with the local database if this computer has no team database.</source>
        <translation>Switchboard не выбирает базу данных сам: с локальной базой звонки этого компьютера не попадут в общую базу команды. Исправьте файл и попробуйте снова, укажите нужную базу данных или запустите с локальной базой, если у этого компьютера нет общей базы команды.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="360"/>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="361"/>
        <source>Read the settings file again, once it is fixed.</source>
        <translation>Прочитать файл настроек заново, когда он исправлен.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="366"/>
        <source>Change the database…</source>
        <translation>Сменить базу данных…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="367"/>
        <source>Enter the database to use; it is saved in the settings file.</source>
        <translation>Укажите базу данных; она сохраняется в файле настроек.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="372"/>
        <source>Start with the local database</source>
        <translation>Запустить с локальной базой данных</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="373"/>
        <source>This computer&apos;s own file, %1. What is done here stays here.</source>
        <translation>Собственный файл этого компьютера, %1. Всё, что сделано здесь, здесь и останется.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="378"/>
        <source>Open the file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="379"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="386"/>
        <source>A copy of the file as it was is kept as %1.</source>
        <translation>Копия файла в прежнем виде сохранена как %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="401"/>
        <source>The file still can&apos;t say which database to use.</source>
        <translation>По файлу всё ещё нельзя определить, какую базу данных использовать.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="426"/>
        <source>No program opened it: open %1 in a text editor.</source>
        <translation>Ни одна программа его не открыла: откройте %1 в текстовом редакторе.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="224"/>
        <source>Assign to me</source>
        <translation>Назначить мне</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="225"/>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="227"/>
        <source>Request callback…</source>
        <translation>Заявка на звонок…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="229"/>
        <source>Put this customer in the callback queue</source>
        <translation>Поставить клиента в очередь обратных звонков</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="231"/>
        <source>Link to a customer…</source>
        <translation>Привязать к клиенту…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="233"/>
        <source>This sender is not one of your customers yet</source>
        <translation>Этого отправителя ещё нет среди ваших клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="235"/>
        <source>Create customer…</source>
        <translation>Создать клиента…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="361"/>
        <source>The conversation could not be read: %1</source>
        <translation>Не удалось прочитать переписку: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="504"/>
        <source>Assigned to %1</source>
        <translation>Ответственный: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="506"/>
        <source>Not assigned</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="527"/>
        <source>No phone number is known for this customer</source>
        <translation>Номер телефона клиента неизвестен</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="529"/>
        <source>Link the chat to a customer with a phone number to call them</source>
        <translation>Чтобы позвонить, привяжите чат к клиенту с номером телефона</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="535"/>
        <source>Call %1</source>
        <translation>Позвонить %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="544"/>
        <source>Call one of the customer&apos;s numbers</source>
        <translation>Позвонить на один из номеров клиента</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="628"/>
        <source>The customer was made, but the chat is not linked: %1</source>
        <translation>Клиент создан, но чат не привязан: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="647"/>
        <source>Not sent again: %1</source>
        <translation>Повторно не отправлено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="657"/>
        <source>Not cancelled: %1</source>
        <translation>Не отменено: %1</translation>
    </message>
</context>
<context>
    <name>ConversationsPanel</name>
    <message>
        <location filename="../../ui/conversations/panel.py" line="132"/>
        <source>Conversations</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="170"/>
        <location filename="../../ui/conversations/panel.py" line="202"/>
        <source>Telegram, WhatsApp, Viber and email conversations of the open customer show here.</source>
        <translation>Здесь видна переписка открытого клиента в Telegram, WhatsApp, Viber и по почте.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="247"/>
        <source>This customer is no longer in the database (deleted in another window).</source>
        <translation>Этого клиента больше нет в базе (удалён в другом окне).</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="273"/>
        <source>The conversations could not be read: %1</source>
        <translation>Не удалось прочитать переписку: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="283"/>
        <source>No chats with this customer. No messenger is set up yet: add a Telegram bot in Settings, and customers can write to it.</source>
        <translation>С этим клиентом чатов нет. Мессенджер ещё не подключён: добавьте Telegram-бота в настройках, и клиенты смогут ему писать.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="288"/>
        <source>No chats with this customer yet. A chat starts when they write to %1.</source>
        <translation>С этим клиентом чатов пока нет. Чат начнётся, когда клиент напишет в %1.</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="103"/>
        <source>Pick a customer on the left, or search with Ctrl+F.</source>
        <translation>Выберите клиента слева или найдите его по Ctrl+F.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="130"/>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="131"/>
        <source>Contacts:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="132"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="133"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="134"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="141"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="143"/>
        <source>Edit name, company, tags, notes and contacts (F2)</source>
        <translation>Изменить имя, компанию, метки, заметки и контакты (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="145"/>
        <source>Request callback…</source>
        <translation>Заявка на звонок…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="147"/>
        <source>Put this customer in the callback queue</source>
        <translation>Поставить клиента в очередь обратных звонков</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="151"/>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="154"/>
        <source>Export all data (JSON)…</source>
        <translation>Выгрузить все данные (JSON)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="156"/>
        <source>Delete customer and all data…</source>
        <translation>Удалить клиента со всеми данными…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="254"/>
        <source>The customer could not be shown: %1</source>
        <translation>Не удалось показать клиента: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="264"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="299"/>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="301"/>
        <source>Call %1</source>
        <translation>Позвонить %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="357"/>
        <source>Export customer data</source>
        <translation>Выгрузка данных клиента</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="357"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="370"/>
        <source>Customer data exported to %1</source>
        <translation>Данные клиента сохранены в %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="373"/>
        <source>Export failed: %1</source>
        <translation>Выгрузить не удалось: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="391"/>
        <source>Delete customer</source>
        <translation>Удаление клиента</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="393"/>
        <source>Delete %1 with all contacts, calls, messages, recordings and callbacks? This cannot be undone. Export the data first if the customer asked for it.</source>
        <translation>Удалить клиента %1 со всеми контактами, звонками, сообщениями, записями и обратными звонками? Отменить это нельзя. Если клиент запросил свои данные, сначала выгрузите их.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="413"/>
        <source>Not deleted: %1</source>
        <translation>Не удалено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/customer_card.py" line="427"/>
        <source>%1 was deleted with %n interaction(s).</source>
        <translation>
            <numerusform>%1 удалён(а) вместе с %n обращением.</numerusform>
            <numerusform>%1 удалён(а) вместе с %n обращениями.</numerusform>
            <numerusform>%1 удалён(а) вместе с %n обращениями.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="51"/>
        <source>Search customers</source>
        <translation>Поиск клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="53"/>
        <source>Name, company, notes, phone or email (Ctrl+F)</source>
        <translation>Имя, компания, заметки, телефон или e-mail (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="83"/>
        <source>Loading customers…</source>
        <translation>Загрузка клиентов…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="148"/>
        <source>No customers match “%1”.</source>
        <translation>Нет клиентов по запросу «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="150"/>
        <source>No customers yet.</source>
        <translation>Клиентов пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="157"/>
        <source>Search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="457"/>
        <source>Switchboard can&apos;t open its database</source>
        <translation>Switchboard не может открыть свою базу данных</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="465"/>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="466"/>
        <source>Once the database server or the network is back.</source>
        <translation>Когда сервер базы данных или сеть снова доступны.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="471"/>
        <source>Change the database…</source>
        <translation>Сменить базу данных…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="473"/>
        <source>Enter another database URL or the server&apos;s password; they are saved (the password in the system keyring) and tried.</source>
        <translation>Введите другой URL базы данных или пароль сервера; они будут сохранены (пароль — в системном хранилище паролей) и проверены.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="478"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="487"/>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="489"/>
        <source>Database: this computer&apos;s file, %1</source>
        <translation>База данных: файл этого компьютера, %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="498"/>
        <source>Opening the database…</source>
        <translation>Открытие базы данных…</translation>
    </message>
</context>
<context>
    <name>DatabaseUrlDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="242"/>
        <source>Change the database</source>
        <translation>Сменить базу данных</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="253"/>
        <source>Empty: this computer&apos;s file, %1</source>
        <translation>Пусто: файл этого компьютера, %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="258"/>
        <source>Empty: keep the saved one, if any</source>
        <translation>Пусто: оставить сохранённый, если он есть</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="262"/>
        <source>A team shares one PostgreSQL database: postgresql+psycopg://user@server/switchboard, its password in the field below (kept in the system keyring, never in the settings file). Leave the URL empty for this computer&apos;s own file.</source>
        <translation>Команда работает с одной базой PostgreSQL: postgresql+psycopg://user@server/switchboard, её пароль — в поле ниже (хранится в системном хранилище паролей, никогда не в файле настроек). Оставьте URL пустым, чтобы использовать собственный файл этого компьютера.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="269"/>
        <source>Saved in %1.</source>
        <translation>Сохраняется в %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="273"/>
        <source>The settings file can&apos;t be read, so it is written anew with this database: the other settings start from their defaults (the copy keeps them as they were).</source>
        <translation>Файл настроек не читается, поэтому он будет записан заново с этой базой данных: остальные настройки начнутся со значений по умолчанию (в копии они сохранены прежними).</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="283"/>
        <source>Save and try again</source>
        <translation>Сохранить и попробовать</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="291"/>
        <source>Database URL:</source>
        <translation>URL базы данных:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="293"/>
        <source>Database password:</source>
        <translation>Пароль базы данных:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="312"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../../ui/calls/dialpad.py" line="71"/>
        <source>Number or SIP address</source>
        <translation>Номер или SIP-адрес</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialpad.py" line="78"/>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
</context>
<context>
    <name>EditCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="69"/>
        <source>Edit customer</source>
        <translation>Изменение клиента</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="83"/>
        <source>comma-separated, e.g. wholesale, vip</source>
        <translation>через запятую, например: опт, vip</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Label</source>
        <translation>Пометка</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="101"/>
        <source>Add contact</source>
        <translation>Добавить контакт</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="104"/>
        <source>Remove contact</source>
        <translation>Убрать контакт</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="119"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="120"/>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="121"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="122"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="123"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="127"/>
        <source>Contacts:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="209"/>
        <source>Type the customer&apos;s name.</source>
        <translation>Введите имя клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="229"/>
        <source>%1 already belongs to %2 (#%3). Remove it there first, or merge them.</source>
        <translation>%1 уже принадлежит клиенту %2 (#%3). Сначала уберите его там или объедините клиентов.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="235"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <location filename="../../ui/settings/email_page.py" line="116"/>
        <source>Add mailbox</source>
        <translation>Добавить ящик</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="119"/>
        <source>Remove mailbox…</source>
        <translation>Удалить ящик…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="140"/>
        <source>Test IMAP</source>
        <translation>Проверить IMAP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="143"/>
        <source>Connects, logs in and lists the folders (nothing is saved).</source>
        <translation>Подключается, входит и показывает папки (ничего не сохраняется).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="146"/>
        <source>Test SMTP</source>
        <translation>Проверить SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="149"/>
        <source>Connects and logs in to the sending server; no mail is sent.</source>
        <translation>Подключается к серверу отправки и входит; письмо не отправляется.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="152"/>
        <source>Save mailbox</source>
        <translation>Сохранить ящик</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="176"/>
        <source>Mailbox</source>
        <translation>Почтовый ящик</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="179"/>
        <source>e.g. shop@example.com</source>
        <translation>например, shop@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="182"/>
        <source>e.g. Flower Shop</source>
        <translation>например, Цветочный магазин</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="183"/>
        <source>The name customers see on the replies.</source>
        <translation>Имя, которое клиенты видят в ответах.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="186"/>
        <source>usually the address</source>
        <translation>обычно сам адрес</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="190"/>
        <source>same as the user name</source>
        <translation>как имя пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="192"/>
        <source>Read and answer this mailbox</source>
        <translation>Читать этот ящик и отвечать из него</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="199"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="200"/>
        <source>Name on replies:</source>
        <translation>Имя в ответах:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="201"/>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="202"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="203"/>
        <source>SMTP user name:</source>
        <translation>Имя пользователя SMTP:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="204"/>
        <source>SMTP password:</source>
        <translation>Пароль SMTP:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="206"/>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="215"/>
        <source>Kept in the system keyring, never in the database or the settings file. Leave it empty to keep the saved one.</source>
        <translation>Хранится в системном хранилище паролей, никогда в базе данных или файле настроек. Оставьте пустым, чтобы сохранить прежний.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="222"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="227"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="230"/>
        <source>Only for a server whose certificate the shop issued itself: the CA certificate (PEM) to trust besides the system&apos;s. Certificates are always checked.</source>
        <translation>Только для сервера, сертификат которого магазин выпустил сам: сертификат ЦС (PEM), которому доверять помимо системных. Сертификаты проверяются всегда.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="235"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="241"/>
        <source>IMAP server (reading):</source>
        <translation>Сервер IMAP (чтение):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="242"/>
        <source>SMTP server (sending):</source>
        <translation>Сервер SMTP (отправка):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="243"/>
        <source>Own CA certificate:</source>
        <translation>Свой сертификат ЦС:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="252"/>
        <source>e.g. imap.example.com</source>
        <translation>например, imap.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="254"/>
        <source>e.g. smtp.example.com</source>
        <translation>например, smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="259"/>
        <source>Empty: the usual port for the security chosen.</source>
        <translation>Пусто: обычный порт для выбранной защиты.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="262"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="263"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="266"/>
        <source>TLS: encrypted from the start (ports 993 and 465). STARTTLS: the connection is made secure before logging in (ports 143 and 587); a server that can&apos;t is refused.</source>
        <translation>TLS: шифрование с самого начала (порты 993 и 465). STARTTLS: соединение защищается перед входом (порты 143 и 587); сервер, который этого не умеет, отклоняется.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="282"/>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="288"/>
        <source>Reading and replies</source>
        <translation>Чтение и ответы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="292"/>
        <source>The folders read. “Test IMAP” lists the mailbox&apos;s folders here.</source>
        <translation>Папки, которые читаются. «Проверить IMAP» показывает здесь папки ящика.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="298"/>
        <source>A copy of every reply is put there, as mail programs do.</source>
        <translation>Туда кладётся копия каждого ответа, как это делают почтовые программы.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="303"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="305"/>
        <source>How old the mail read the first time may be; later, everything new is read.</source>
        <translation>Насколько старые письма читаются в первый раз; потом читается всё новое.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="307"/>
        <source>Mark mail as read on the server</source>
        <translation>Отмечать письма прочитанными на сервере</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="310"/>
        <source>Off: the mail stays unread for other mail programs reading this mailbox.</source>
        <translation>Выключено: для других почтовых программ, читающих этот ящик, письма остаются непрочитанными.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="316"/>
        <source>Under every reply from this mailbox</source>
        <translation>Под каждым ответом из этого ящика</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="318"/>
        <source>Folders:</source>
        <translation>Папки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="319"/>
        <source>Sent folder:</source>
        <translation>Папка отправленных:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="320"/>
        <source>First sync reads:</source>
        <translation>Первая синхронизация:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="322"/>
        <source>Signature:</source>
        <translation>Подпись:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="335"/>
        <source>CA certificate</source>
        <translation>Сертификат ЦС</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="337"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="360"/>
        <source>Found by the server: %1</source>
        <translation>Определена сервером: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="362"/>
        <source>Found by the server (the \Sent folder)</source>
        <translation>Определяется сервером (папка \Sent)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="411"/>
        <source>%1 (off)</source>
        <translation>%1 (выключен)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="432"/>
        <location filename="../../ui/settings/email_page.py" line="487"/>
        <source>not saved yet</source>
        <translation>ещё не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="485"/>
        <location filename="../../ui/settings/email_page.py" line="490"/>
        <source>saved; leave empty to keep it</source>
        <translation>сохранён; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="492"/>
        <source>same as the password</source>
        <translation>как основной пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="565"/>
        <source>Mailbox “%1” saved.</source>
        <translation>Ящик «%1» сохранён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="569"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="577"/>
        <source>Remove mailbox</source>
        <translation>Удалить ящик</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="579"/>
        <source>Remove the mailbox “%1”? Switchboard stops reading it and forgets its password; its conversations are removed, and the messages stay on the customers&apos; timelines. The mail on the server is not touched. To pause it instead, turn off “Read and answer this mailbox”.</source>
        <translation>Удалить ящик «%1»? Switchboard перестанет его читать и забудет его пароль; его разговоры удаляются, а сообщения остаются в истории клиентов. Письма на сервере не трогаются. Чтобы лишь приостановить его, выключите «Читать этот ящик и отвечать из него».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="601"/>
        <source>Mailbox “%1” removed.</source>
        <translation>Ящик «%1» удалён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="647"/>
        <source>Connecting to the %1 server…</source>
        <translation>Подключение к серверу %1…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="677"/>
        <source>The SMTP server took the login. Replies can be sent.</source>
        <translation>Сервер SMTP принял вход. Ответы можно отправлять.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/email_page.py" line="692"/>
        <source>Logged in. %n folder(s) found: tick the ones to read.</source>
        <translation>
            <numerusform>Вход выполнен. Найдена %n папка: отметьте те, что читать.</numerusform>
            <numerusform>Вход выполнен. Найдено %n папки: отметьте те, что читать.</numerusform>
            <numerusform>Вход выполнен. Найдено %n папок: отметьте те, что читать.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/conversations/files.py" line="71"/>
        <source>%1 could run a program when opened: save it and check it before opening.</source>
        <translation>%1 при открытии может запустить программу: сохраните файл и проверьте его, прежде чем открывать.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="82"/>
        <source>Save file</source>
        <translation>Сохранить файл</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="90"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="97"/>
        <source>No program on this computer opens %1.</source>
        <translation>На этом компьютере нет программы, которая открывает %1.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="108"/>
        <source>The file is no longer stored on this computer.</source>
        <translation>Этого файла на компьютере больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="113"/>
        <source>The file could not be copied: %1</source>
        <translation>Не удалось скопировать файл: %1</translation>
    </message>
</context>
<context>
    <name>ForwardingFields</name>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="31"/>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="32"/>
        <source>Always</source>
        <translation>Всегда</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="33"/>
        <source>When Do not disturb is on</source>
        <translation>Когда включено «Не беспокоить»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="34"/>
        <source>When not answered in</source>
        <translation>Если нет ответа за</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="39"/>
        <source>This phone sends the caller on to the number (the PBX or the caller&apos;s phone calls it). Leave it at Never when your PBX forwards calls.</source>
        <translation>Этот телефон переадресует звонящего на номер (его набирает АТС или телефон звонящего). Оставьте «Никогда», если переадресацию делает ваша АТС.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="46"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="49"/>
        <source>to a number, e.g. 2002 or +380441234567</source>
        <translation>на номер, например 2002 или +380441234567</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="72"/>
        <source>Forwarding: say the number to forward calls to.</source>
        <translation>Переадресация: укажите номер, на который переадресовывать звонки.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="74"/>
        <source>Forwarding: %1 is not a number or a SIP address.</source>
        <translation>Переадресация: %1 — не номер и не SIP-адрес.</translation>
    </message>
</context>
<context>
    <name>HomeProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="544"/>
        <source>Switchboard can&apos;t write to its folders</source>
        <translation>Switchboard не может записывать в свои папки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="547"/>
        <source>Switchboard keeps its database, call recordings and log there. Make the folder writable, or start Switchboard with SWITCHBOARD_HOME set to a folder you can write to; then start it again.</source>
        <translation>Там Switchboard хранит свою базу данных, записи звонков и журнал. Разрешите запись в папку или запустите Switchboard с SWITCHBOARD_HOME, указывающей на папку, доступную для записи; затем запустите его снова.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="553"/>
        <source>SWITCHBOARD_HOME is %1.</source>
        <translation>SWITCHBOARD_HOME: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="554"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="78"/>
        <location filename="../../ui/customers/import_dialog.py" line="101"/>
        <source>Import customers</source>
        <translation>Импорт клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="80"/>
        <source>Contacts (*.csv *.txt *.vcf *.vcard);;All files (*)</source>
        <translation>Контакты (*.csv *.txt *.vcf *.vcard);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="113"/>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="118"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="120"/>
        <source>Choose the file&apos;s encoding if names look garbled, and it is read again</source>
        <translation>Выберите кодировку файла, если имена выглядят как набор символов, и файл будет прочитан заново</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="146"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="149"/>
        <source>Copy the problems</source>
        <translation>Скопировать проблемы</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="152"/>
        <location filename="../../ui/customers/import_dialog.py" line="374"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="163"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="186"/>
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="195"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="205"/>
        <source>note</source>
        <translation>замечание</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="208"/>
        <source>The list is copied: paste it where you fix the file.</source>
        <translation>Список скопирован: вставьте его туда, где исправляете файл.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="216"/>
        <source>Checking: %1 of %2 rows</source>
        <translation>Проверка: %1 из %2 строк</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="216"/>
        <source>Importing: %1 of %2</source>
        <translation>Импорт: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="237"/>
        <source>Import %1, skip %2</source>
        <translation>Импортировать %1, пропустить %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="242"/>
        <source>Import %1</source>
        <translation>Импортировать %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="254"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="254"/>
        <source>Import finished.</source>
        <translation>Импорт завершён.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="272"/>
        <source>The import stopped.</source>
        <translation>Импорт остановлен.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="275"/>
        <source>Customers imported before it stopped: %1. The others were not imported.</source>
        <translation>Клиентов импортировано до остановки: %1. Остальные не импортированы.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="281"/>
        <source>The file can&apos;t be imported.</source>
        <translation>Этот файл нельзя импортировать.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="290"/>
        <source>%1 file, %2, records: %3</source>
        <translation>Файл %1, %2, записей: %3</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="299"/>
        <source>The file has no customers in it.</source>
        <translation>В файле нет клиентов.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="302"/>
        <source>Customers ready to import: %1.</source>
        <translation>Клиентов готово к импорту: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="307"/>
        <source>Problems: %1 (listed below). Rows that are fine: %2. Fix the file and import it again, or import the rows that are fine now and skip the rest.</source>
        <translation>Проблем: %1 (список ниже). Строк без ошибок: %2. Исправьте файл и импортируйте его снова или импортируйте сейчас строки без ошибок, пропустив остальные.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="315"/>
        <source>No row can be imported: see the problems below. Nothing was changed.</source>
        <translation>Ни одну строку нельзя импортировать: см. проблемы ниже. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="319"/>
        <source>Notes: %1 (imported as described).</source>
        <translation>Замечаний: %1 (импортируется как описано).</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="325"/>
        <source>Columns not imported: %1.</source>
        <translation>Не импортируются столбцы: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="335"/>
        <source>Customers imported before you cancelled: %1. The others were not imported.</source>
        <translation>Клиентов импортировано до отмены: %1. Остальные не импортированы.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="337"/>
        <source>Customers imported: %1.</source>
        <translation>Клиентов импортировано: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="340"/>
        <source>Rows skipped: %1 (see below).</source>
        <translation>Строк пропущено: %1 (см. ниже).</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="351"/>
        <source>card %1 (line %2)</source>
        <translation>визитка %1 (строка %2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="352"/>
        <source>card %1</source>
        <translation>визитка %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="353"/>
        <source>line %1</source>
        <translation>строка %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="353"/>
        <source>whole file</source>
        <translation>весь файл</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="374"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="382"/>
        <source>Note: %1</source>
        <translation>Замечание: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="392"/>
        <source>The first %1 of %2 are shown; Copy the problems copies them all.</source>
        <translation>Показаны первые %1 из %2; «Скопировать проблемы» копирует все.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="410"/>
        <source>Cancelling after the current batch…</source>
        <translation>Отменяем после текущей порции…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="18"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="19"/>
        <location filename="../../ui/common/labels.py" line="68"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <location filename="../../ui/common/labels.py" line="69"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="21"/>
        <location filename="../../ui/common/labels.py" line="70"/>
        <source>Viber</source>
        <translation>Viber</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="22"/>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="23"/>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="24"/>
        <source>Callback request</source>
        <translation>Заявка на звонок</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="25"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="33"/>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <source>internal</source>
        <translation>внутренний</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="41"/>
        <source>ringing</source>
        <translation>звонит</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="42"/>
        <source>dialling</source>
        <translation>набор</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="43"/>
        <source>answered</source>
        <translation>отвечен</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="44"/>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="45"/>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="46"/>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="47"/>
        <source>no answer</source>
        <translation>без ответа</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="48"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="49"/>
        <source>forwarded</source>
        <translation>переадресован</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="50"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="51"/>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="52"/>
        <source>may not have been sent</source>
        <translation>возможно, не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="55"/>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="56"/>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="57"/>
        <source>read</source>
        <translation>прочитано</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="58"/>
        <source>received</source>
        <translation>получено</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="59"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="66"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="67"/>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="71"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
</context>
<context>
    <name>LinePicker</name>
    <message>
        <location filename="../../ui/calls/line_picker.py" line="35"/>
        <source>Line for outgoing calls</source>
        <translation>Линия для исходящих звонков</translation>
    </message>
    <message>
        <location filename="../../ui/calls/line_picker.py" line="36"/>
        <source>The account outgoing calls go through</source>
        <translation>Учётная запись, через которую идут исходящие звонки</translation>
    </message>
    <message>
        <location filename="../../ui/calls/line_picker.py" line="38"/>
        <source>&amp;Line:</source>
        <translation>&amp;Линия:</translation>
    </message>
</context>
<context>
    <name>LinkCustomerDialog</name>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="52"/>
        <source>Link to a customer</source>
        <translation>Привязка к клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="59"/>
        <source>Whose chat is this? %1&apos;s messages move to the customer you pick.</source>
        <translation>Чей это чат? Сообщения отправителя %1 перейдут к выбранному клиенту.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="66"/>
        <source>Name, company, phone or email</source>
        <translation>Имя, компания, телефон или email</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="77"/>
        <source>Link</source>
        <translation>Привязать</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="106"/>
        <source>Type to search.</source>
        <translation>Начните вводить для поиска.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="128"/>
        <source>No customer matches.</source>
        <translation>Подходящих клиентов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="133"/>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="162"/>
        <source>Not linked: %1</source>
        <translation>Не привязано: %1</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="201"/>
        <source>From:</source>
        <translation>От:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="202"/>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="203"/>
        <source>Cc:</source>
        <translation>Копия:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="213"/>
        <source>Load remote images</source>
        <translation>Загрузить внешние изображения</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="262"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="275"/>
        <source>This message has no formatted version.</source>
        <translation>У этого письма нет форматированной версии.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/mail_dialog.py" line="285"/>
        <source>%n remote image(s) blocked to protect your privacy (a sender can see when and where a message was read).</source>
        <translation>
            <numerusform>%n внешнее изображение заблокировано ради вашей приватности (отправитель может увидеть, когда и где письмо прочитали).</numerusform>
            <numerusform>%n внешних изображения заблокировано ради вашей приватности (отправитель может увидеть, когда и где письмо прочитали).</numerusform>
            <numerusform>%n внешних изображений заблокировано ради вашей приватности (отправитель может увидеть, когда и где письмо прочитали).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="302"/>
        <source>Loading remote images…</source>
        <translation>Загрузка внешних изображений…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/mail_dialog.py" line="318"/>
        <source>%1 of %n remote image(s) loaded.</source>
        <translation>
            <numerusform>Загружено %1 из %n внешнего изображения.</numerusform>
            <numerusform>Загружено %1 из %n внешних изображений.</numerusform>
            <numerusform>Загружено %1 из %n внешних изображений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailFields</name>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="25"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="29"/>
        <source>Cc</source>
        <translation>Копия</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="30"/>
        <source>Addresses, separated by commas</source>
        <translation>Адреса через запятую</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="34"/>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="35"/>
        <source>Cc:</source>
        <translation>Копия:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="90"/>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="149"/>
        <location filename="../../ui/shell/main_window.py" line="585"/>
        <source>Callbacks</source>
        <translation>Обратные звонки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="164"/>
        <location filename="../../ui/shell/main_window.py" line="640"/>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="181"/>
        <source>Do not disturb</source>
        <translation>Не беспокоить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="185"/>
        <source>Incoming calls get busy and wait as callbacks. Call &gt; Do not disturb</source>
        <translation>Входящие звонки получают «занято» и ждут как перезвоны. Звонок &gt; Не беспокоить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="289"/>
        <source>&amp;Answer</source>
        <translation>&amp;Ответить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="290"/>
        <source>&amp;Hang up</source>
        <translation>&amp;Завершить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="291"/>
        <source>H&amp;old / resume</source>
        <translation>&amp;Удержать / продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="292"/>
        <source>&amp;Mute / unmute</source>
        <translation>&amp;Микрофон вкл./выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="293"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Перевести…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="294"/>
        <source>Re&amp;cord / pause</source>
        <translation>&amp;Запись / пауза</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="296"/>
        <source>Con&amp;ference / split</source>
        <translation>&amp;Конференция / разделить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="299"/>
        <source>&amp;Switch call</source>
        <translation>&amp;Переключить звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="301"/>
        <source>&amp;Redial</source>
        <translation>&amp;Повторить звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="303"/>
        <source>Do &amp;not disturb</source>
        <translation>&amp;Не беспокоить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="306"/>
        <source>&amp;Dial a number</source>
        <translation>&amp;Набрать номер</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="309"/>
        <source>&amp;Find customer</source>
        <translation>&amp;Найти клиента</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="312"/>
        <source>&amp;Edit customer…</source>
        <translation>&amp;Изменить клиента…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="315"/>
        <source>Call &amp;next callback</source>
        <translation>Позвонить по &amp;следующей заявке</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="318"/>
        <source>&amp;Next waiting chat</source>
        <translation>&amp;Следующий ожидающий чат</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="321"/>
        <source>&amp;Go to the waiting chats</source>
        <translation>&amp;Перейти к ожидающим чатам</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="325"/>
        <source>&amp;Previous conversation</source>
        <translation>П&amp;редыдущая переписка</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="331"/>
        <source>Ne&amp;xt conversation</source>
        <translation>С&amp;ледующая переписка</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="337"/>
        <source>&amp;Reply</source>
        <translation>Отв&amp;етить</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="343"/>
        <source>&amp;Quick reply…</source>
        <translation>&amp;Быстрый ответ…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="349"/>
        <source>&amp;Attach a file…</source>
        <translation>Прикрепить &amp;файл…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="354"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="357"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="369"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="372"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="377"/>
        <source>&amp;Call</source>
        <translation>&amp;Звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="394"/>
        <source>Call the &amp;demo line</source>
        <translation>Позвонить на &amp;демо-линию</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="396"/>
        <source>A test phone on this computer that answers and echoes you</source>
        <translation>Тестовый телефон на этом компьютере: отвечает и повторяет ваш голос</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="399"/>
        <source>C&amp;ustomers</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="401"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Новый клиент…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="407"/>
        <source>&amp;Import customers…</source>
        <translation>&amp;Импорт клиентов…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="409"/>
        <source>Customers from a CSV file or vCards (.vcf)</source>
        <translation>Клиенты из файла CSV или визиток vCard (.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="413"/>
        <source>Call&amp;backs</source>
        <translation>&amp;Обратные звонки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="415"/>
        <source>Ne&amp;w callback request…</source>
        <translation>Но&amp;вая заявка на обратный звонок…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="421"/>
        <source>Callback &amp;queue</source>
        <translation>&amp;Очередь обратных звонков</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="425"/>
        <source>Callback &amp;report…</source>
        <translation>От&amp;чёт по обратным звонкам…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="430"/>
        <source>Cha&amp;ts</source>
        <translation>&amp;Чаты</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="435"/>
        <source>&amp;Waiting chats</source>
        <translation>&amp;Ожидающие чаты</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="447"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="449"/>
        <source>&amp;About Switchboard</source>
        <translation>&amp;О программе Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="483"/>
        <source>A call from %1 was forwarded.</source>
        <translation>Звонок от %1 переадресован.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="542"/>
        <source>There is no answered call to transfer.</source>
        <translation>Нет отвеченного звонка, который можно перевести.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="552"/>
        <source>There is no answered call to record.</source>
        <translation>Нет отвеченного звонка, который можно записать.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="566"/>
        <source>The phone could not do that (%1): %2</source>
        <translation>Телефон не смог выполнить команду (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="584"/>
        <source>Callbacks (%1)</source>
        <translation>Обратные звонки (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="603"/>
        <source>Callback request #%1 saved.</source>
        <translation>Заявка на обратный звонок №%1 сохранена.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="631"/>
        <source>Nobody else is waiting for a reply.</source>
        <translation>Больше никто не ждёт ответа.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="642"/>
        <source>Chats (%1)</source>
        <translation>Чаты (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="656"/>
        <source>Do not disturb: incoming calls get busy and wait as callbacks.</source>
        <translation>Не беспокоить: входящие звонки получают «занято» и ждут как перезвоны.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="658"/>
        <source>Do not disturb is off: calls ring again.</source>
        <translation>«Не беспокоить» выключено: звонки снова звонят.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="718"/>
        <source>The database takes the call log&apos;s writes again.</source>
        <translation>База данных снова принимает записи журнала звонков.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="724"/>
        <source>The database refuses writes right now (busy or out of reach). Calls are kept and written as soon as it takes them.</source>
        <translation>База данных сейчас не принимает записи (занята или недоступна). Звонки сохранены и будут записаны, как только она их примет.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="739"/>
        <source>About Switchboard</source>
        <translation>О программе Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="740"/>
        <source>Switchboard: calls, callbacks and messages of your customers in one window.</source>
        <translation>Switchboard: звонки, обратные звонки и сообщения ваших клиентов в одном окне.</translation>
    </message>
</context>
<context>
    <name>MessageKinds</name>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="14"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="15"/>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="16"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="17"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="18"/>
        <source>Voice message</source>
        <translation>Голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="19"/>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="20"/>
        <source>Video message</source>
        <translation>Видеосообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="21"/>
        <source>GIF</source>
        <translation>GIF</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="22"/>
        <source>Sticker</source>
        <translation>Стикер</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="23"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="24"/>
        <source>Location</source>
        <translation>Геопозиция</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="25"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="26"/>
        <source>A message of a kind Switchboard can&apos;t show</source>
        <translation>Сообщение, которое Switchboard не умеет показать</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message numerus="yes">
        <location filename="../../ui/conversations/message_list.py" line="221"/>
        <source>↓ %n new message(s)</source>
        <translation>
            <numerusform>↓ %n новое сообщение</numerusform>
            <numerusform>↓ %n новых сообщения</numerusform>
            <numerusform>↓ %n новых сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="223"/>
        <source>↓ Latest messages</source>
        <translation>↓ К последним сообщениям</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="272"/>
        <source>Copy text</source>
        <translation>Копировать текст</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="274"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="283"/>
        <source>Show quoted text</source>
        <translation>Показать цитату</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="184"/>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="186"/>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="190"/>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="193"/>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="206"/>
        <source>retrying</source>
        <translation>повторная попытка</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="208"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="211"/>
        <source>sending…</source>
        <translation>отправляется…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="212"/>
        <source>✓ sent</source>
        <translation>✓ отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="213"/>
        <source>✓✓ delivered</source>
        <translation>✓✓ доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="214"/>
        <source>✓✓ read</source>
        <translation>✓✓ прочитано</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="215"/>
        <source>not sent</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="217"/>
        <source>may not have been sent</source>
        <translation>возможно, не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="255"/>
        <source>Contact: %1</source>
        <translation>Контакт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="265"/>
        <source>Location: %1</source>
        <translation>Место: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="376"/>
        <source>Bot</source>
        <translation>Бот</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="406"/>
        <source>A message not in the history</source>
        <translation>Сообщение, которого нет в истории</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="418"/>
        <source>The file could not be downloaded.</source>
        <translation>Файл не удалось скачать.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="445"/>
        <location filename="../../ui/conversations/message_list.py" line="293"/>
        <source>Resend</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="449"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="453"/>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="508"/>
        <source>Automatic reply</source>
        <translation>Автоответ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="509"/>
        <source>Delivery failure report</source>
        <translation>Отчёт о недоставке</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="510"/>
        <source>Mailing</source>
        <translation>Рассылка</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="521"/>
        <source>From: %1</source>
        <translation>От: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="525"/>
        <source>To: %1</source>
        <translation>Кому: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="531"/>
        <source>Cc: %1</source>
        <translation>Копия: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="561"/>
        <location filename="../../ui/conversations/message_list.py" line="283"/>
        <source>Hide quoted text</source>
        <translation>Скрыть цитату</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="563"/>
        <source>Show quoted text (%n lines)</source>
        <translation>Показать цитату (строк: %n)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="570"/>
        <location filename="../../ui/conversations/message_list.py" line="289"/>
        <source>Formatted view</source>
        <translation>Форматированный вид</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="575"/>
        <source>%n remote image(s) blocked</source>
        <translation>Заблокировано внешних изображений: %n</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="616"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="617"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="295"/>
        <source>Cancel sending</source>
        <translation>Отменить отправку</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="303"/>
        <source>Open %1</source>
        <translation>Открыть %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="311"/>
        <source>Save %1 as…</source>
        <translation>Сохранить %1 как…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_model.py" line="165"/>
        <source>Before editing:</source>
        <translation>До изменения:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_model.py" line="176"/>
        <source>The platform said: %1</source>
        <translation>Ответ платформы: %1</translation>
    </message>
</context>
<context>
    <name>MessageNotifier</name>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="202"/>
        <source>New message</source>
        <translation>Новое сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="205"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="208"/>
        <source>New message from %1</source>
        <translation>Новое сообщение от: %1</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="45"/>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="56"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="57"/>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="58"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="68"/>
        <source>Type the customer&apos;s name.</source>
        <translation>Введите имя клиента.</translation>
    </message>
</context>
<context>
    <name>QuickReplyPicker</name>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="117"/>
        <source>Search quick replies by name or text</source>
        <translation>Поиск быстрых ответов по названию или тексту</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="140"/>
        <source>↑ ↓ to choose · Enter to insert · Esc to close</source>
        <translation>↑ ↓ — выбрать · Enter — вставить · Esc — закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="181"/>
        <source>All languages, not only %1</source>
        <translation>Все языки, не только %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="250"/>
        <source>No quick reply matches “%1”.</source>
        <translation>Нет быстрых ответов по запросу «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="252"/>
        <source>There are no quick replies for this conversation yet.</source>
        <translation>Для этого разговора пока нет быстрых ответов.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="264"/>
        <source>The quick replies could not be read: %1</source>
        <translation>Не удалось прочитать быстрые ответы: %1</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="39"/>
        <source>The recording file is missing: %1</source>
        <translation>Файл записи не найден: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="62"/>
        <source>Recordings can&apos;t be played here: %1</source>
        <translation>Записи здесь нельзя воспроизвести: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="83"/>
        <source>The recording can&apos;t be played: %1</source>
        <translation>Запись не воспроизводится: %1</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="58"/>
        <source>Your draft is kept. You can instead:</source>
        <translation>Черновик сохранён. Вместо этого можно:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="81"/>
        <source>This chat can&apos;t be written to.</source>
        <translation>В этот чат сейчас нельзя написать.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="90"/>
        <source>Write in %1 (%2)</source>
        <translation>Написать в %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="100"/>
        <source>Call %1</source>
        <translation>Позвонить %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="104"/>
        <source>Request a callback</source>
        <translation>Заказать обратный звонок</translation>
    </message>
</context>
<context>
    <name>RegistrationStatusBar</name>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="41"/>
        <source>registering…</source>
        <translation>регистрация…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="42"/>
        <source>registered</source>
        <translation>зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="43"/>
        <source>not registered</source>
        <translation>не зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="44"/>
        <source>registration failed</source>
        <translation>ошибка регистрации</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="75"/>
        <source>No SIP account configured (File &gt; Settings &gt; Accounts); Call &gt; Call the demo line tries a call</source>
        <translation>Нет SIP-аккаунта (Файл &gt; Настройки &gt; SIP-аккаунты); пробный звонок: Звонок &gt; Позвонить на демо-линию</translation>
    </message>
</context>
<context>
    <name>ReplyTextsForm</name>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="152"/>
        <source>{phone} is replaced by the number Switchboard will call back.</source>
        <translation>Вместо {phone} подставляется номер, по которому Switchboard перезвонит.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="155"/>
        <source>Greeting:</source>
        <translation>Приветствие:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="156"/>
        <source>Button:</source>
        <translation>Кнопка:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="157"/>
        <source>Confirmation:</source>
        <translation>Подтверждение:</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="76"/>
        <location filename="../../ui/calls/screen_pop.py" line="85"/>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="179"/>
        <source>Looking up the caller…</source>
        <translation>Ищем звонящего…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="101"/>
        <source>Last contacts:</source>
        <translation>Последние контакты:</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="108"/>
        <source>&amp;Answer</source>
        <translation>&amp;Ответить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="112"/>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="116"/>
        <source>&amp;Create customer</source>
        <translation>&amp;Создать клиента</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="119"/>
        <source>&amp;Open card</source>
        <translation>О&amp;ткрыть карточку</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="198"/>
        <source>Unknown number</source>
        <translation>Номер скрыт</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="213"/>
        <location filename="../../ui/calls/screen_pop.py" line="234"/>
        <source>Unknown caller</source>
        <translation>Неизвестный абонент</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="214"/>
        <source>Not in your customers yet.</source>
        <translation>Пока нет среди ваших клиентов.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="229"/>
        <source>No earlier contacts.</source>
        <translation>Ранее контактов не было.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="236"/>
        <source>The customer lookup failed: %1</source>
        <translation>Не удалось найти клиента: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="80"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="89"/>
        <source>SIP accounts</source>
        <translation>SIP-аккаунты</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="90"/>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="92"/>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="94"/>
        <source>Callbacks</source>
        <translation>Обратные звонки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="96"/>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="98"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="100"/>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="125"/>
        <source>Add account</source>
        <translation>Добавить аккаунт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="135"/>
        <source>same as the user name</source>
        <translation>как имя пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="138"/>
        <source>pbx.example.com</source>
        <translation>pbx.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="140"/>
        <location filename="../../ui/settings/settings_dialog.py" line="142"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="152"/>
        <source>Verify the server&apos;s certificate</source>
        <translation>Проверять сертификат сервера</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="156"/>
        <source>Checked against the system&apos;s trusted certificates. Turn it off only for a PBX with a self-signed certificate on your own network.</source>
        <translation>Проверяется по доверенным сертификатам системы. Отключайте только для АТС с самоподписанным сертификатом в вашей собственной сети.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="163"/>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="164"/>
        <source>If the other side can</source>
        <translation>Если собеседник поддерживает</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="165"/>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="171"/>
        <source>In the audio (RFC 2833)</source>
        <translation>В звуковом потоке (RFC 2833)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="172"/>
        <source>SIP INFO</source>
        <translation>SIP INFO</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="177"/>
        <source>How the digits you press during a call reach the other side. Keep the default unless your PBX&apos;s voice menu does not react to them.</source>
        <translation>Как цифры, которые вы нажимаете во время звонка, доходят до собеседника. Оставьте по умолчанию, если голосовое меню вашей АТС на них реагирует.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="181"/>
        <source>Answer incoming calls at once (headset)</source>
        <translation>Отвечать на входящие звонки сразу (гарнитура)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="184"/>
        <source>Only when no other call is on; a second call rings as usual.</source>
        <translation>Только когда нет другого звонка; второй звонок звонит как обычно.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="189"/>
        <source>Only when I press Record</source>
        <translation>Только когда я нажимаю «Запись»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="190"/>
        <source>All calls</source>
        <translation>Все звонки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="191"/>
        <source>Incoming calls</source>
        <translation>Входящие звонки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="196"/>
        <source>Recorded from the moment the call is answered; you can still pause a part (a card number read out). Recordings stay on this computer.</source>
        <translation>Запись идёт с момента ответа; часть разговора по-прежнему можно поставить на паузу (например, когда диктуют номер карты). Записи хранятся на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="201"/>
        <source>Beep when a recording starts (both sides hear it)</source>
        <translation>Сигнал при начале записи (слышат обе стороны)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="206"/>
        <source>A short tone tells the customer the call is recorded, where the law asks for it; played again when a paused recording resumes.</source>
        <translation>Короткий сигнал сообщает клиенту, что разговор записывается, где этого требует закон; звучит снова, когда запись продолжается после паузы.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="212"/>
        <source>optional, e.g. stun.example.com:3478</source>
        <translation>необязательно, например stun.example.com:3478</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="213"/>
        <source>Use ICE (NAT without a SIP proxy)</source>
        <translation>Использовать ICE (NAT без SIP-прокси)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="215"/>
        <source>Use this account</source>
        <translation>Использовать этот аккаунт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="220"/>
        <source>in the keyring</source>
        <translation>в хранилище паролей</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="223"/>
        <source>The password is kept in the system keyring, never in the database. Leave it empty to keep the saved one.</source>
        <translation>Пароль хранится в системном хранилище паролей, а не в базе данных. Оставьте поле пустым, чтобы сохранить прежний.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="228"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="229"/>
        <source>User name:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="230"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="231"/>
        <source>Domain:</source>
        <translation>Домен:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="232"/>
        <source>Auth user:</source>
        <translation>Логин авторизации:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="233"/>
        <source>Display name:</source>
        <translation>Отображаемое имя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="234"/>
        <source>Registrar:</source>
        <translation>Регистратор:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="235"/>
        <source>Outbound proxy:</source>
        <translation>Исходящий прокси:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="236"/>
        <source>Transport:</source>
        <translation>Транспорт:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="239"/>
        <source>Call encryption (SRTP):</source>
        <translation>Шифрование звонков (SRTP):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="240"/>
        <source>DTMF:</source>
        <translation>DTMF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="242"/>
        <source>Record calls:</source>
        <translation>Записывать звонки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="244"/>
        <source>STUN server:</source>
        <translation>STUN-сервер:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="247"/>
        <source>Save account</source>
        <translation>Сохранить аккаунт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="350"/>
        <source>SIP over TLS is not available here: %1</source>
        <translation>SIP через TLS здесь недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="353"/>
        <source>The Windows build of the phone engine has no TLS library: this account will most likely not register. Use UDP or TCP.</source>
        <translation>В сборке телефонного модуля для Windows нет библиотеки TLS: этот аккаунт, скорее всего, не зарегистрируется. Используйте UDP или TCP.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="361"/>
        <source>Account “%1” saved.</source>
        <translation>Аккаунт «%1» сохранён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="380"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="390"/>
        <source>Built-in file: %1</source>
        <translation>Встроенный файл: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="392"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="401"/>
        <source>in the keyring, if the server needs one</source>
        <translation>в хранилище паролей, если нужен</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="405"/>
        <source>The PostgreSQL server&apos;s password is kept in the system keyring, never in the settings file. Leave it empty to keep the saved one.</source>
        <translation>Пароль сервера PostgreSQL хранится в системном хранилище паролей, никогда не в файле настроек. Оставьте поле пустым, чтобы сохранить прежний.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="409"/>
        <source>Forget the saved password</source>
        <translation>Забыть сохранённый пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="418"/>
        <source>Enter sends a message (Shift+Enter starts a new line)</source>
        <translation>Enter отправляет сообщение (Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="422"/>
        <source>Off: Enter starts a new line and Ctrl+Enter sends the message.</source>
        <translation>Выключено: Enter начинает новую строку, а Ctrl+Enter отправляет сообщение.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="426"/>
        <source>Default phone region:</source>
        <translation>Регион номеров по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="427"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="428"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="429"/>
        <source>Database password:</source>
        <translation>Пароль базы данных:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="430"/>
        <source>Your name:</source>
        <translation>Ваше имя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="432"/>
        <source>Forward calls:</source>
        <translation>Переадресация:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="439"/>
        <source>A team shares one PostgreSQL database: enter its URL, e.g. postgresql+psycopg://user@server/switchboard, and its password (kept in the system keyring, not in the URL). Language and database changes apply after a restart.</source>
        <translation>Команда работает с одной базой PostgreSQL: введите её URL, например postgresql+psycopg://user@server/switchboard, и пароль (он хранится в системном хранилище паролей, а не в URL). Смена языка и базы данных вступает в силу после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="458"/>
        <source>Database file</source>
        <translation>Файл базы данных</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="460"/>
        <source>SQLite database (*.db)</source>
        <translation>База SQLite (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="540"/>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="547"/>
        <source>The password in the database URL was moved to the system keyring; the URL is saved without it.</source>
        <translation>Пароль из URL базы данных перенесён в системное хранилище паролей; URL сохранён без него.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="502"/>
        <location filename="../../ui/settings/settings_dialog.py" line="558"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell/shell.py" line="163"/>
        <source>Phone engine unavailable: %1</source>
        <translation>Телефонный модуль недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_audio.py" line="148"/>
        <source>Audio unavailable: %1</source>
        <translation>Звук недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="248"/>
        <source>SIP accounts can&apos;t log in: %1</source>
        <translation>SIP-аккаунты не могут войти: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="265"/>
        <source>Phone engine did not start: %1</source>
        <translation>Телефонный модуль не запустился: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="296"/>
        <source>The phone engine is not running, so the demo line can&apos;t be called.</source>
        <translation>Телефонный модуль не запущен, демо-линии не позвонить.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="319"/>
        <source>Switchboard demo line</source>
        <translation>Демо-линия Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="324"/>
        <source>The demo line&apos;s customer could not be made: %1</source>
        <translation>Не удалось создать клиента демо-линии: %1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="22"/>
        <source>Answer the ringing call</source>
        <translation>Ответить на входящий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="27"/>
        <source>Hang up (or decline a ringing call)</source>
        <translation>Завершить (или отклонить входящий)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="30"/>
        <source>Hold or resume the active call</source>
        <translation>Удержать или продолжить активный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="33"/>
        <source>Mute or unmute the microphone</source>
        <translation>Выключить или включить микрофон</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="38"/>
        <source>Transfer the call (to a number or to the other call)</source>
        <translation>Перевести звонок (на номер или на другой звонок)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="45"/>
        <source>Record the call (then pause or resume the recording)</source>
        <translation>Записать звонок (затем пауза или продолжение записи)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="50"/>
        <source>Join the two calls in a conference (or split them again)</source>
        <translation>Объединить два звонка в конференцию (или снова разделить)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="53"/>
        <source>Switch to the next call</source>
        <translation>Переключиться на следующий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="56"/>
        <source>Call the last number again</source>
        <translation>Позвонить на последний номер ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="61"/>
        <source>Do not disturb: incoming calls get busy</source>
        <translation>Не беспокоить: входящие звонки получают «занято»</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="64"/>
        <source>Go to the dial field</source>
        <translation>Перейти к полю набора</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="66"/>
        <source>Search customers</source>
        <translation>Поиск клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="67"/>
        <source>Edit the open customer</source>
        <translation>Изменить открытого клиента</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="71"/>
        <source>Call the most urgent callback request</source>
        <translation>Позвонить по самой срочной заявке на обратный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="76"/>
        <source>Open the chat that has waited longest for a reply</source>
        <translation>Открыть чат, который дольше всех ждёт ответа</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="81"/>
        <source>Previous conversation of the open customer</source>
        <translation>Предыдущая переписка открытого клиента</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="86"/>
        <source>Next conversation of the open customer</source>
        <translation>Следующая переписка открытого клиента</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="91"/>
        <source>Reply: go to the message field</source>
        <translation>Ответить: перейти в поле сообщения</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="96"/>
        <source>Insert a quick reply</source>
        <translation>Вставить быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="101"/>
        <source>Attach a file to the message</source>
        <translation>Прикрепить файл к сообщению</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="106"/>
        <source>Go to the waiting chats</source>
        <translation>Перейти к ожидающим чатам</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="108"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="109"/>
        <source>Show this list of shortcuts</source>
        <translation>Показать этот список клавиш</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="22"/>
        <source>Keyboard shortcuts</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="25"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="25"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="121"/>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
</context>
<context>
    <name>TelegramPage</name>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="207"/>
        <source>Add bot</source>
        <translation>Добавить бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="210"/>
        <source>Remove bot…</source>
        <translation>Удалить бота…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="222"/>
        <source>e.g. Shop bot</source>
        <translation>напр. Бот магазина</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="228"/>
        <source>The token @BotFather gave for the bot. It is kept in the system keyring, never in the database. Leave it empty to keep the saved one.</source>
        <translation>Токен, который @BotFather выдал для бота. Он хранится в системном хранилище паролей, а не в базе данных. Оставьте поле пустым, чтобы сохранить прежний.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="237"/>
        <source>Leave it empty for Telegram&apos;s own server. A self-hosted telegram-bot-api server: its address, e.g. http://127.0.0.1:8081.</source>
        <translation>Оставьте пустым для сервера самого Telegram. Свой сервер telegram-bot-api: его адрес, напр. http://127.0.0.1:8081.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="241"/>
        <source>Read this bot&apos;s messages</source>
        <translation>Читать сообщения этого бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="248"/>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="250"/>
        <source>Asks the server who the bot is (nothing is saved).</source>
        <translation>Спрашивает у сервера, что это за бот (ничего не сохраняется).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="252"/>
        <source>Save bot</source>
        <translation>Сохранить бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="263"/>
        <source>Remove webhook…</source>
        <translation>Удалить вебхук…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="274"/>
        <source>Make a bot with @BotFather in Telegram and paste the token it gives. Customers find the bot by its @name; what they write to it appears here. A bot is read by one program at a time.</source>
        <translation>Создайте бота у @BotFather в Telegram и вставьте выданный токен. Клиенты находят бота по его @имени; то, что они ему пишут, появляется здесь. Бота может читать только одна программа.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="285"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="286"/>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="287"/>
        <source>Bot API server:</source>
        <translation>Сервер Bot API:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="289"/>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="304"/>
        <source>Automatic replies</source>
        <translation>Автоматические ответы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="307"/>
        <source>Offer “Call me back” on /start and confirm the number</source>
        <translation>Предлагать «Перезвоните мне» на /start и подтверждать номер</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="312"/>
        <source>A customer who starts the chat gets the greeting with a button that shares their phone number; the number becomes a callback request, and the bot confirms it. Off: the bot answers nothing by itself (a number a customer shares still becomes a callback request).</source>
        <translation>Клиент, начавший чат, получает приветствие с кнопкой, которая отправляет его номер телефона; номер становится заявкой на обратный звонок, и бот её подтверждает. Выключено: бот сам ничего не отвечает (номер, которым поделился клиент, всё равно становится заявкой).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="329"/>
        <source>Default texts</source>
        <translation>Тексты по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="331"/>
        <source>Puts Switchboard&apos;s texts of the language shown back.</source>
        <translation>Возвращает тексты Switchboard для показанного языка.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="334"/>
        <source>Customers in other languages get:</source>
        <translation>Клиенты на других языках получают:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="408"/>
        <source>%1 (off)</source>
        <translation>%1 (выключен)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="422"/>
        <source>not saved yet</source>
        <translation>ещё не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="446"/>
        <source>in the keyring; leave empty to keep it</source>
        <translation>в хранилище паролей; пусто — не менять</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="448"/>
        <source>123456789:AAE… from @BotFather</source>
        <translation>123456789:AAE… от @BotFather</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="486"/>
        <source>Bot “%1” saved.</source>
        <translation>Бот «%1» сохранён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="490"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="497"/>
        <source>Remove bot</source>
        <translation>Удалить бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="499"/>
        <source>Remove the bot “%1”? Switchboard stops reading it and forgets its token; its conversations are removed, and the messages stay on the customers&apos; timelines. To pause it instead, turn off “Read this bot&apos;s messages”.</source>
        <translation>Удалить бота «%1»? Switchboard перестанет его читать и забудет его токен; его переписки удаляются, а сообщения остаются в истории клиентов. Чтобы только приостановить его, снимите «Читать сообщения этого бота».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="514"/>
        <source>Bot “%1” removed.</source>
        <translation>Бот «%1» удалён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="531"/>
        <source>Asking the server…</source>
        <translation>Спрашиваем сервер…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="550"/>
        <source>Connected as @%1.</source>
        <translation>Подключено как @%1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="554"/>
        <source>A webhook is set (%1): Telegram sends this bot&apos;s messages there, so Switchboard can&apos;t read them until it is removed.</source>
        <translation>Установлен вебхук (%1): Telegram отправляет сообщения этого бота туда, и Switchboard не может их читать, пока вебхук не удалён.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="562"/>
        <source>Remove webhook</source>
        <translation>Удалить вебхук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="564"/>
        <source>Remove the webhook %1? Telegram then stops sending this bot&apos;s messages there, and Switchboard reads them here, those waiting included. Whatever set the webhook (another program, a website) stops getting them.</source>
        <translation>Удалить вебхук %1? Тогда Telegram перестанет отправлять туда сообщения этого бота, и Switchboard будет читать их здесь, включая ожидающие. То, что установило вебхук (другая программа, сайт), перестанет их получать.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="576"/>
        <source>Removing the webhook…</source>
        <translation>Удаляем вебхук…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="589"/>
        <source>Webhook removed: Switchboard reads this bot&apos;s messages here, within a minute.</source>
        <translation>Вебхук удалён: в течение минуты Switchboard начнёт читать сообщения этого бота здесь.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="652"/>
        <source>Enter the bot&apos;s token first.</source>
        <translation>Сначала введите токен бота.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="657"/>
        <source>The server refused the token (%1): it was revoked or mistyped. Get the current one from @BotFather.</source>
        <translation>Сервер отклонил токен (%1): он отозван или введён с ошибкой. Получите действующий у @BotFather.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="662"/>
        <source>The server answered, but not as a Bot API server would (%1): check its address, or the token.</source>
        <translation>Сервер ответил, но не так, как сервер Bot API (%1): проверьте его адрес или токен.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="665"/>
        <source>The server refused: %1</source>
        <translation>Сервер отказал: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="667"/>
        <source>The server can&apos;t be reached: %1</source>
        <translation>Сервер недоступен: %1</translation>
    </message>
</context>
<context>
    <name>TemplateFieldsDialog</name>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="42"/>
        <source>Fill in the quick reply</source>
        <translation>Заполните быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="58"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="70"/>
        <source>Insert</source>
        <translation>Вставить</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="164"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="168"/>
        <source>Timeline</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="208"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="302"/>
        <location filename="../../ui/customers/timeline_view.py" line="307"/>
        <source>recording</source>
        <translation>запись</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="313"/>
        <source>Double-click to play the recording</source>
        <translation>Дважды щёлкните, чтобы прослушать запись</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="315"/>
        <source>Double-click or press Enter to open the conversation here</source>
        <translation>Дважды щёлкните или нажмите Enter, чтобы открыть переписку на этом сообщении</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="323"/>
        <source>Nothing here yet.</source>
        <translation>Пока пусто.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="433"/>
        <source>The timeline could not be loaded: %1</source>
        <translation>Не удалось загрузить историю: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="475"/>
        <source>Play recording</source>
        <translation>Прослушать запись</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="477"/>
        <source>Stop playback</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="482"/>
        <source>■ Stop playback</source>
        <translation>■ Остановить</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="486"/>
        <source>▶ Play recording</source>
        <translation>▶ Прослушать запись</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="490"/>
        <source>Play the selected call&apos;s recording</source>
        <translation>Прослушать запись выбранного звонка</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="492"/>
        <source>Select a call with a recording to play it</source>
        <translation>Выберите звонок с записью, чтобы прослушать её</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/shell/tray.py" line="173"/>
        <source>Show Switchboard</source>
        <translation>Показать Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="175"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="249"/>
        <location filename="../../ui/shell/tray.py" line="261"/>
        <source>unknown number</source>
        <translation>скрытого номера</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="253"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="254"/>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="262"/>
        <source>Missed call</source>
        <translation>Пропущенный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="262"/>
        <source>Missed call from %1</source>
        <translation>Пропущенный звонок от %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="313"/>
        <source>No SIP account</source>
        <translation>Нет SIP-аккаунта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="314"/>
        <source>Registering…</source>
        <translation>Регистрация…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="315"/>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="316"/>
        <source>Not registered</source>
        <translation>Не зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="330"/>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/tray.py" line="332"/>
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n непрочитанное сообщение</numerusform>
            <numerusform>%n непрочитанных сообщения</numerusform>
            <numerusform>%n непрочитанных сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/tray.py" line="328"/>
        <source>Switchboard: %n missed call(s)</source>
        <translation>
            <numerusform>Switchboard: %n пропущенный звонок</numerusform>
            <numerusform>Switchboard: %n пропущенных звонка</numerusform>
            <numerusform>Switchboard: %n пропущенных звонков</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentWords</name>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="48"/>
        <source>Your unsent message</source>
        <translation>Ваше неотправленное сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="52"/>
        <location filename="../../ui/conversations/unsent_words.py" line="101"/>
        <source>Copy text</source>
        <translation>Копировать текст</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="55"/>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="57"/>
        <source>Forget these words: they can&apos;t be sent any more</source>
        <translation>Забыть этот текст: отправить его уже нельзя</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="77"/>
        <source>The chat “%1” was deleted in another window, with its customer, while you were writing: your message was not sent. Your words are kept here; copy them before you dismiss them.</source>
        <translation>Чат «%1» удалили в другом окне вместе с клиентом, пока вы писали: сообщение не отправлено. Ваш текст сохранён здесь; скопируйте его, прежде чем закрыть.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="85"/>
        <source>Files that were attached: %1</source>
        <translation>Прикреплённые файлы: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="95"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="87"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 мин</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="89"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="93"/>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="95"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="101"/>
        <source>%1 d</source>
        <translation>%1 д</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="103"/>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="289"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="290"/>
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="291"/>
        <source>Unassigned</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="297"/>
        <location filename="../../ui/conversations/waiting_list.py" line="446"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="301"/>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="412"/>
        <source>The waiting chats could not be read: %1</source>
        <translation>Не удалось прочитать ожидающие чаты: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="487"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="490"/>
        <source>Nobody is waiting for a reply.</source>
        <translation>Никто не ждёт ответа.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/waiting_list.py" line="492"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n ждёт</numerusform>
            <numerusform>%n ждут</numerusform>
            <numerusform>%n ждут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/waiting_list.py" line="497"/>
        <source>%n over %1 min</source>
        <translation>
            <numerusform>%n дольше %1 мин</numerusform>
            <numerusform>%n дольше %1 мин</numerusform>
            <numerusform>%n дольше %1 мин</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="556"/>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="562"/>
        <source>&amp;Assign to me</source>
        <translation>&amp;Назначить на меня</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="566"/>
        <source>&amp;Unassign</source>
        <translation>&amp;Снять назначение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="571"/>
        <source>&amp;Link to a customer…</source>
        <translation>&amp;Привязать к клиенту…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="575"/>
        <source>&amp;Create customer…</source>
        <translation>Со&amp;здать клиента…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="642"/>
        <source>The customer was made, but the chat is not linked: %1</source>
        <translation>Клиент создан, но чат не привязан: %1</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="138"/>
        <source>Waits</source>
        <translation>Ждёт</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="139"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="140"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="141"/>
        <source>Last message</source>
        <translation>Последнее сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="142"/>
        <source>Unread</source>
        <translation>Непрочит.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="143"/>
        <source>Assigned to</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="194"/>
        <source>Waiting since %1</source>
        <translation>Ждёт с %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="203"/>
        <source>Not linked to a customer yet (right-click to link)</source>
        <translation>Ещё не привязан к клиенту (привязать — правой кнопкой)</translation>
    </message>
</context>
<context>
    <name>WebFormPage</name>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="59"/>
        <source>Take callback requests from the website&apos;s form</source>
        <translation>Принимать заявки на обратный звонок с формы сайта</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="65"/>
        <source>127.0.0.1: only this computer (a relay or proxy on it forwards the form).</source>
        <translation>127.0.0.1: только этот компьютер (форму сюда передаёт ретранслятор или прокси на нём).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="74"/>
        <source>in the keyring; leave empty to keep it</source>
        <translation>в хранилище паролей; оставьте пустым, чтобы сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="77"/>
        <source>The website sends this token with every request. It is kept in the system keyring and not shown again: copy it now. Generate a new one if it is lost.</source>
        <translation>Сайт отправляет этот токен с каждой заявкой. Он хранится в системном хранилище паролей и больше не показывается: скопируйте его сейчас. Если он потерян, создайте новый.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="82"/>
        <source>Generate</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="94"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="98"/>
        <source>Try it (the website sends the same):</source>
        <translation>Проверьте (сайт отправляет то же самое):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="103"/>
        <source>Only “phone” and “consent”: true are required. At 127.0.0.1 the form is reachable from this computer only; bringing the website&apos;s requests to it (HTTPS, a relay or a reverse proxy) is set up by the shop, not by Switchboard. Changes apply when you save.</source>
        <translation>Обязательны только «phone» и «consent»: true. На 127.0.0.1 форма доступна только с этого компьютера; доставку заявок с сайта (HTTPS, ретранслятор или обратный прокси) настраивает магазин, а не Switchboard. Изменения вступают в силу при сохранении.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="115"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="116"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="117"/>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="155"/>
        <source>The web form&apos;s token must be at least %1 characters long.</source>
        <translation>Токен веб-формы должен быть не короче %1 символов.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="158"/>
        <source>Generate a token for the web form before turning it on.</source>
        <translation>Создайте токен веб-формы, прежде чем включать её.</translation>
    </message>
</context>
<context>
    <name>WebFormService</name>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="95"/>
        <source>Web form: listening on %1:%2</source>
        <translation>Веб-форма: принимает заявки на %1:%2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="102"/>
        <source>Web form not started: %1</source>
        <translation>Веб-форма не запущена: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="111"/>
        <source>no token saved; generate one in Settings &gt; Web form.</source>
        <translation>токен не сохранён; создайте его в Настройки &gt; Веб-форма.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="113"/>
        <source>no keyring to read its token from (%1)</source>
        <translation>нет хранилища паролей, откуда взять токен (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="117"/>
        <source>port %1 is already in use.</source>
        <translation>порт %1 уже занят.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="119"/>
        <source>%1 is not an address of this computer.</source>
        <translation>%1 — не адрес этого компьютера.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="121"/>
        <source>port %1 needs administrator rights; use one above 1024.</source>
        <translation>для порта %1 нужны права администратора; используйте порт выше 1024.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../app/accounts.py" line="40"/>
        <source>A SIP account needs a user name and a domain.</source>
        <translation>Для SIP-аккаунта нужны имя пользователя и домен.</translation>
    </message>
    <message>
        <location filename="../../app/accounts.py" line="58"/>
        <source>SIP account #{account_id} no longer exists.</source>
        <translation>SIP-аккаунта №{account_id} больше нет.</translation>
    </message>
    <message>
        <location filename="../../app/attachments.py" line="143"/>
        <source>{name} is {size} MB; the limit is {limit} MB.</source>
        <translation>Файл {name} — {size} МБ; допустимо не больше {limit} МБ.</translation>
    </message>
    <message>
        <location filename="../../app/callback_report.py" line="111"/>
        <source>The report period ends before it starts.</source>
        <translation>Период отчёта заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="65"/>
        <source>The time to call back is already in the past.</source>
        <translation>Время обратного звонка уже прошло.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="69"/>
        <source>Callback #{request_id} is already done.</source>
        <translation>Обратный звонок #{request_id} уже выполнен.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="70"/>
        <source>Callback #{request_id} has already failed.</source>
        <translation>Обратный звонок #{request_id} уже закрыт: дозвониться не удалось.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="73"/>
        <source>Callback #{request_id} is already cancelled.</source>
        <translation>Обратный звонок #{request_id} уже отменён.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="354"/>
        <source>The preferred time is already in the past.</source>
        <translation>Желаемое время уже прошло.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="358"/>
        <source>The preferred time window ends before it starts.</source>
        <translation>Желаемый промежуток времени заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="414"/>
        <source>The id {external_id} was already used for a different request (callback #{request_id}); send a new id for a new request.</source>
        <translation>Идентификатор {external_id} уже использован для другой заявки (обратный звонок №{request_id}); для новой заявки отправьте новый идентификатор.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="540"/>
        <source>Callback #{request_id} is assigned to {operator}: reassign it to yourself to call it.</source>
        <translation>Обратный звонок №{request_id} назначен оператору {operator}: чтобы позвонить, назначьте его себе.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="553"/>
        <source>Callback #{request_id} is being handled by {operator}.</source>
        <translation>Обратным звонком #{request_id} сейчас занимается {operator}.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="573"/>
        <source>Callback #{request_id} is assigned to {operator}: only they can release it; you can reassign it.</source>
        <translation>Обратный звонок №{request_id} назначен оператору {operator}: вернуть его в очередь может только он; вы можете назначить его другому.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="605"/>
        <source>Callback #{request_id} is being called by {operator} right now: assign it when that call is over.</source>
        <translation>По обратному звонку №{request_id} прямо сейчас звонит {operator}: назначьте его, когда этот звонок закончится.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="632"/>
        <source>The reason is too long: keep it under {limit} characters.</source>
        <translation>Причина слишком длинная: не больше {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="644"/>
        <source>Callback #{request_id} is being called by {operator} right now: it can be cancelled when that call is over.</source>
        <translation>По обратному звонку №{request_id} прямо сейчас звонит {operator}: его можно отменить, когда этот звонок закончится.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="726"/>
        <source>Say when to call back.</source>
        <translation>Укажите, когда перезвонить.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="846"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Прежде чем брать обратные звонки, укажите имя оператора в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="856"/>
        <source>Say which operator to assign it to.</source>
        <translation>Укажите, какому оператору его назначить.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="859"/>
        <source>An operator&apos;s name is at most {limit} characters.</source>
        <translation>Имя оператора — не больше {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="899"/>
        <source>Callback #{request_id} does not exist.</source>
        <translation>Обратный звонок #{request_id} не найден.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="908"/>
        <source>Callback #{request_id} is already {status}.</source>
        <translation>Обратный звонок #{request_id} уже в статусе «{status}».</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="948"/>
        <source>Callback #{request_id} is now handled by {operator}; your claim expired.</source>
        <translation>Обратным звонком #{request_id} теперь занимается {operator}: ваша бронь истекла.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="43"/>
        <source>Unknown phone region {region!r}: use a two-letter country code.</source>
        <translation>Неизвестный телефонный регион {region!r}: укажите двухбуквенный код страны.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="73"/>
        <source>{value!r} is not a phone number: the country code is missing or unknown.</source>
        <translation>{value!r} — не номер телефона: код страны не указан или неизвестен.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="77"/>
        <source>{value!r} is not a phone number: it is too short.</source>
        <translation>{value!r} — не номер телефона: слишком короткий.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="79"/>
        <source>{value!r} is not a phone number: it is too long.</source>
        <translation>{value!r} — не номер телефона: слишком длинный.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="81"/>
        <source>{value!r} is not a phone number.</source>
        <translation>{value!r} — не номер телефона.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="91"/>
        <source>The phone number is empty.</source>
        <translation>Номер телефона не указан.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="98"/>
        <source>{value!r} is not a phone number: it has letters or symbols.</source>
        <translation>{value!r} — не номер телефона: в нём есть буквы или символы.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="121"/>
        <source>{value!r} is not a possible phone number in region {region}.</source>
        <translation>{value!r} не может быть номером телефона в регионе {region}.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="160"/>
        <source>Unknown dialling format {style!r}: one of {formats}.</source>
        <translation>Неизвестный формат набора {style!r}: допустимы {formats}.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="197"/>
        <location filename="../../integrations/email/settings.py" line="129"/>
        <source>{value!r} is not an email address.</source>
        <translation>{value!r} — не адрес электронной почты.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="205"/>
        <source>The {kind} id is empty.</source>
        <translation>Идентификатор {kind} не указан.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="208"/>
        <source>{value!r} is not a {kind} id: it contains spaces.</source>
        <translation>{value!r} — не идентификатор {kind}: в нём есть пробелы.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="56"/>
        <source>The {kind} {normalized} already belongs to customer #{owner_id} ({owner_name}).</source>
        <translation>{normalized} ({kind}) уже принадлежит клиенту №{owner_id} ({owner_name}).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="86"/>
        <source>Contact #{contact_id} is no longer this customer&apos;s (changed elsewhere?).</source>
        <translation>Контакт №{contact_id} больше не принадлежит этому клиенту (изменён в другом месте?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="94"/>
        <source>The customer&apos;s name is empty.</source>
        <translation>Не указано имя клиента.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="97"/>
        <source>The customer&apos;s name is longer than {limit} characters.</source>
        <translation>Имя клиента длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="270"/>
        <source>Contact #{contact_id} does not exist (already removed?).</source>
        <translation>Контакт №{contact_id} не найден (уже удалён?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="284"/>
        <source>A customer can&apos;t be merged with itself.</source>
        <translation>Нельзя объединить клиента с самим собой.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="378"/>
        <source>Customer #{customer_id} does not exist (deleted or merged?).</source>
        <translation>Клиент №{customer_id} не найден (удалён или объединён с другим?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="428"/>
        <source>The {kind} {normalized} was just added to another customer.</source>
        <translation>{normalized} ({kind}) только что добавили другому клиенту.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="56"/>
        <source>The database is busy: another program is writing to it. Nothing was changed; try again.</source>
        <translation>База данных занята: в неё пишет другая программа. Ничего не изменено; попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="60"/>
        <source>The database is not available right now ({error}). Nothing was changed; try again.</source>
        <translation>База данных сейчас недоступна ({error}). Ничего не изменено; попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="234"/>
        <source>The table {table} of the database {url} holds several revisions ({revisions}); expected one.</source>
        <translation>В таблице {table} базы данных {url} несколько версий схемы ({revisions}), а должна быть одна.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="276"/>
        <source>The database {url} can&apos;t be reached: {error}</source>
        <translation>База данных {url} недоступна: {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="277"/>
        <source>The database {url} asks for a password, and none is saved for it ({error}). Enter it under “Change the database”: it is kept in the system keyring.</source>
        <translation>База данных {url} требует пароль, а сохранённого пароля для неё нет ({error}). Введите его в «Сменить базу данных»: он хранится в системном хранилище паролей.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="282"/>
        <source>{url} is not a database file: {error}</source>
        <translation>{url} — не файл базы данных: {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="283"/>
        <source>The database {url} is not a Switchboard database: it holds other tables ({tables}) and no Switchboard revision. Nothing was changed; choose an empty database or the one Switchboard made.</source>
        <translation>База данных {url} — не база Switchboard: в ней другие таблицы ({tables}) и нет версии схемы Switchboard. Ничего не изменено; выберите пустую базу или ту, которую создал Switchboard.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="289"/>
        <source>The database {url} was left half-made by an interrupted first start and already holds data ({tables}). Nothing was changed; restore it from a backup or choose another database.</source>
        <translation>База данных {url} осталась недосозданной после прерванного первого запуска и уже содержит данные ({tables}). Ничего не изменено; восстановите её из резервной копии или выберите другую базу.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="295"/>
        <source>The database {url} was upgraded by a newer Switchboard (revision {before}); this one knows revisions up to {head}. Update Switchboard to open it.</source>
        <translation>База данных {url} обновлена более новой версией Switchboard (версия схемы {before}); эта версия знает схемы до {head}. Обновите Switchboard, чтобы открыть её.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="300"/>
        <source>The database {url} could not be set up (revision {revision}): {error}</source>
        <translation>Не удалось подготовить базу данных {url} (версия схемы {revision}): {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="303"/>
        <source>The database {url} could not be upgraded from revision {before} to {revision}: {error}. Nothing was changed.</source>
        <translation>Не удалось обновить базу данных {url} с версии схемы {before} до {revision}: {error}. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="452"/>
        <source>The database URL is not usable: {error}</source>
        <translation>Не удалось использовать URL базы данных: {error}</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="178"/>
        <source>The file is not in {encoding}: line {line} has byte {byte}, which {encoding} does not allow.</source>
        <translation>Файл не в кодировке {encoding}: в строке {line} есть байт {byte}, недопустимый в {encoding}.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="182"/>
        <source>The file is marked as UTF-8 but line {line} has byte {byte}, which is not valid UTF-8. The file is damaged or was saved in two encodings.</source>
        <translation>Файл помечен как UTF-8, но в строке {line} есть байт {byte}, недопустимый в UTF-8. Файл повреждён или сохранён в двух кодировках.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="186"/>
        <source>The file is neither UTF-8 nor Windows-1251: as UTF-8 it breaks on line {utf8_line} (byte {utf8_byte}), and line {line} has byte {byte}, which Windows-1251 does not have. Save it as &quot;CSV UTF-8&quot; or choose its encoding.</source>
        <translation>Файл не в UTF-8 и не в Windows-1251: как UTF-8 он не читается со строки {utf8_line} (байт {utf8_byte}), а в строке {line} есть байт {byte}, которого нет в Windows-1251. Сохраните его как «CSV UTF-8» или выберите его кодировку.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="190"/>
        <source>The file is not UTF-8 (line {line} has byte {byte}) and read as Windows-1251 it is not readable text. Save it as &quot;CSV UTF-8&quot; or choose its encoding.</source>
        <translation>Файл не в UTF-8 (в строке {line} есть байт {byte}), а в Windows-1251 он не читается как текст. Сохраните его как «CSV UTF-8» или выберите его кодировку.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="206"/>
        <source>Unknown encoding {encoding!r}.</source>
        <translation>Неизвестная кодировка {encoding!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="224"/>
        <source>The file starts as UTF-16 but is broken: {reason}.</source>
        <translation>Файл начинается как UTF-16, но повреждён: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="96"/>
        <source>Line {line}: the header lacks a name column ({names}). Found: {found}.</source>
        <translation>Строка {line}: в заголовке нет столбца с именем ({names}). Найдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="99"/>
        <source>Line {line}: the header lacks a contact column ({contacts}). Found: {found}.</source>
        <translation>Строка {line}: в заголовке нет столбца с контактом ({contacts}). Найдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="102"/>
        <source>Line {line}: the header lacks a name column ({names}) and a contact column ({contacts}). Found: {found}.</source>
        <translation>Строка {line}: в заголовке нет столбца с именем ({names}) и столбца с контактом ({contacts}). Найдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="106"/>
        <source>the row has {cells} cells but the header has {columns} (an unquoted delimiter inside a value?).</source>
        <translation>ячеек в строке: {cells}, а в заголовке: {columns} (разделитель внутри значения без кавычек?).</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="159"/>
        <source>The file is empty or its first line (the header) is blank.</source>
        <translation>Файл пуст или его первая строка (заголовок) пустая.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="167"/>
        <source>Line {line}: the header can&apos;t be read: {reason}.</source>
        <translation>Строка {line}: заголовок не читается: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="216"/>
        <source>Line {line}: the row can&apos;t be read: {reason}.</source>
        <translation>Строка {line} не читается: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="157"/>
        <source>unknown CHARSET {charset!r}.</source>
        <translation>неизвестный CHARSET {charset!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="161"/>
        <source>the value is not valid {charset}.</source>
        <translation>значение не в кодировке {charset}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="169"/>
        <source>the value is neither UTF-8 nor Windows-1251 text.</source>
        <translation>значение не является текстом ни в UTF-8, ни в Windows-1251.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="181"/>
        <source>a QUOTED-PRINTABLE value has non-ASCII characters.</source>
        <translation>в значении QUOTED-PRINTABLE есть символы не из ASCII.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="185"/>
        <source>broken QUOTED-PRINTABLE (an &apos;=&apos; not followed by two hex digits).</source>
        <translation>испорченный QUOTED-PRINTABLE (после &apos;=&apos; нет двух шестнадцатеричных цифр).</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="194"/>
        <source>broken BASE64.</source>
        <translation>испорченный BASE64.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="247"/>
        <source>unsupported vCard version {version!r}.</source>
        <translation>неподдерживаемая версия vCard {version!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="296"/>
        <source>The file holds no vCard (no BEGIN:VCARD line).</source>
        <translation>В файле нет ни одной vCard (нет строки BEGIN:VCARD).</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="311"/>
        <source>the card has no END:VCARD before the next card.</source>
        <translation>у карточки нет END:VCARD перед следующей карточкой.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="320"/>
        <source>END:VCARD without BEGIN:VCARD.</source>
        <translation>END:VCARD без BEGIN:VCARD.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="330"/>
        <source>text outside any card: {text!r}.</source>
        <translation>текст вне карточек: {text!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="338"/>
        <source>not a vCard property: {text!r}.</source>
        <translation>не свойство vCard: {text!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="347"/>
        <source>the file ends inside this card (no END:VCARD): truncated?</source>
        <translation>файл кончается внутри этой карточки (нет END:VCARD): обрезан?</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="68"/>
        <source>longer than {limit} characters.</source>
        <translation>длиннее допустимого (максимум символов: {limit}).</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="69"/>
        <source>no phone, email or messenger: imported, but a second import of this file will create it again.</source>
        <translation>нет телефона, email или мессенджера: клиент импортирован, но повторный импорт этого файла создаст его ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="73"/>
        <source>this row and the next {count} were not imported: a contact in them was just added by someone else. Import the file again to see which.</source>
        <translation>эта строка и ещё {count} после неё не импортированы: контакт из них только что добавил кто-то другой. Импортируйте файл ещё раз, чтобы увидеть, какой.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="154"/>
        <source>{name} can&apos;t be read: {reason}.</source>
        <translation>Не удаётся прочитать {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="289"/>
        <source>{value} is also on card {card} of this file.</source>
        <translation>{value} есть также в карточке {card} этого файла.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="294"/>
        <source>{value} is also on line {other_line} of this file.</source>
        <translation>{value} есть также в строке {other_line} этого файла.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="308"/>
        <source>no name: saved as {name!r}.</source>
        <translation>нет имени: сохранён под именем {name!r}.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="317"/>
        <source>neither a name nor a contact: nothing to import.</source>
        <translation>нет ни имени, ни контакта: импортировать нечего.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="74"/>
        <source>Only a PostgreSQL server takes a password; a SQLite file has none. Leave the password empty, or enter the server&apos;s URL.</source>
        <translation>Пароль бывает только у сервера PostgreSQL; у файла SQLite его нет. Оставьте пароль пустым или введите URL сервера.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="79"/>
        <source>The database URL holds one password and the password field another: keep only one.</source>
        <translation>В URL базы данных один пароль, а в поле пароля — другой: оставьте только один.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="129"/>
        <source>No password store (keyring) is available, so passwords and tokens can&apos;t be saved. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet) in your desktop session; on Windows the Credential Manager is used automatically.</source>
        <translation>Нет хранилища паролей (keyring), поэтому пароли и токены сохранить нельзя. В Linux установите и разблокируйте Secret Service (GNOME Keyring или KWallet) в своём сеансе рабочего стола; в Windows автоматически используется диспетчер учётных данных.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="181"/>
        <source>The password store refused the password: {error}</source>
        <translation>Хранилище паролей не приняло пароль: {error}</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="194"/>
        <source>The password store could not be read: {error}</source>
        <translation>Не удалось прочитать хранилище паролей: {error}</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="211"/>
        <source>The password store could not delete the password: {error}</source>
        <translation>Не удалось удалить пароль из хранилища паролей: {error}</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="95"/>
        <source>The folder {path} can&apos;t be created: {error}.</source>
        <translation>Не удаётся создать папку {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="96"/>
        <source>The folder {path} can&apos;t be written: {error}.</source>
        <translation>Нельзя записать в папку {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="97"/>
        <source>The log file {path} can&apos;t be written: {error}.</source>
        <translation>Нельзя записать в файл журнала {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="139"/>
        <source>The setting {name} has a value of the wrong kind: {value!r}.</source>
        <translation>У настройки {name} значение не того типа: {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="247"/>
        <source>working_hours keys are weekdays 0-6, not {key!r}.</source>
        <translation>Ключи working_hours — дни недели от 0 до 6, а не {key!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="306"/>
        <source>forward_mode is one of {modes}, not {value!r}.</source>
        <translation>forward_mode — одно из {modes}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="311"/>
        <source>Say the number to forward calls to.</source>
        <translation>Укажите номер, на который переадресовывать звонки.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="314"/>
        <source>Calls ring {low} to {high} seconds before they are forwarded.</source>
        <translation>Перед переадресацией звонок должен звучать от {low} до {high} секунд.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="339"/>
        <source>callback_sla_minutes must be between 1 minute and a week.</source>
        <translation>Значение callback_sla_minutes должно быть от 1 минуты до недели.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="347"/>
        <source>callback_claim_minutes must be between 1 minute and a day.</source>
        <translation>Значение callback_claim_minutes должно быть от 1 минуты до суток.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="355"/>
        <source>waiting_amber_minutes must be between 1 minute and a day.</source>
        <translation>Значение waiting_amber_minutes должно быть от 1 минуты до суток.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="361"/>
        <source>waiting_red_minutes must be more than waiting_amber_minutes ({amber}) and at most a week.</source>
        <translation>Значение waiting_red_minutes должно быть больше waiting_amber_minutes ({amber}) и не больше недели.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="372"/>
        <source>dial_format must be one of {choices}, not {value!r}.</source>
        <translation>Значение dial_format должно быть одним из: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="380"/>
        <source>unknown_sender must be one of {choices}, not {value!r}.</source>
        <translation>Значение unknown_sender должно быть одним из: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="390"/>
        <source>ring_tone must be one of {choices}, not {value!r}.</source>
        <translation>Значение ring_tone должно быть одним из: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="398"/>
        <source>codecs must name at least one codec: calls need one.</source>
        <translation>codecs должен называть хотя бы один кодек: без него звонки невозможны.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="403"/>
        <source>codecs must be some of {choices}, not {value!r}.</source>
        <translation>codecs может содержать только {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="408"/>
        <source>codecs names a codec twice.</source>
        <translation>codecs называет один кодек дважды.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="413"/>
        <source>webform_port must be between 1 and 65535, not {value}.</source>
        <translation>Значение webform_port должно быть от 1 до 65535, а не {value}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="423"/>
        <source>webform_bind must be an IPv4 address such as 127.0.0.1, not {value!r}.</source>
        <translation>Значение webform_bind должно быть IPv4-адресом, например 127.0.0.1, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="514"/>
        <source>The settings file {path} can&apos;t be read: {error}.</source>
        <translation>Не удаётся прочитать файл настроек {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="515"/>
        <source>The settings file {path} is not UTF-8 text (byte {position} is not).</source>
        <translation>Файл настроек {path} — не текст в UTF-8 (байт {position} не подходит).</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="518"/>
        <source>The settings file {path} is not valid JSON: {error} at line {line}, column {column}.</source>
        <translation>Файл настроек {path} — некорректный JSON: {error} в строке {line}, столбце {column}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="521"/>
        <source>The settings file {path} can&apos;t be read as JSON: {error}.</source>
        <translation>Файл настроек {path} не читается как JSON: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="524"/>
        <source>The settings file {path} holds JSON, but not an object of settings.</source>
        <translation>Файл настроек {path} содержит JSON, но не объект с настройками.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="527"/>
        <source>In the settings file {path}, database_url is {value}: not a database URL.</source>
        <translation>В файле настроек {path} database_url равно {value}: это не URL базы данных.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="594"/>
        <source>{url!r} is not a database URL. A team database looks like postgresql+psycopg://user@server/switchboard, a file like sqlite:///path/to/file.db.</source>
        <translation>{url!r} — не URL базы данных. Общая база команды выглядит как postgresql+psycopg://user@server/switchboard, файл — как sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="599"/>
        <source>Switchboard works with PostgreSQL (postgresql://…) or a SQLite file (sqlite:///…), not {scheme}.</source>
        <translation>Switchboard работает с PostgreSQL (postgresql://…) или файлом SQLite (sqlite:///…), но не с {scheme}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="604"/>
        <source>The SQLite URL names no file: write it as sqlite:///path/to/file.db.</source>
        <translation>В URL SQLite не указан файл: запишите его как sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="607"/>
        <source>The database URL holds a password. config.json keeps no secrets (passwords belong in the system keyring): enter the URL without it, e.g. postgresql+psycopg://user@server/db.</source>
        <translation>В URL базы данных есть пароль. config.json не хранит секретов (пароли — в системном хранилище паролей): укажите URL без него, например postgresql+psycopg://user@server/db.</translation>
    </message>
    <message>
        <location filename="../../app/timeline.py" line="512"/>
        <source>Interaction #{interaction_id} does not exist.</source>
        <translation>Событие истории №{interaction_id} не найдено.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="32"/>
        <source>The working hours have no open time in the coming year.</source>
        <translation>В графике работы нет рабочего времени на ближайший год.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="40"/>
        <source>Unknown time zone {name!r}.</source>
        <translation>Неизвестный часовой пояс {name!r}.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="51"/>
        <source>{text!r} is not a shift like 09:00-18:00.</source>
        <translation>{text!r} — не смена вида 09:00-18:00.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="55"/>
        <source>The shift {text!r} starts and ends at the same time.</source>
        <translation>Смена {text!r} начинается и заканчивается в одно и то же время.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="80"/>
        <source>Weekday {day} is not 0 (Monday) to 6 (Sunday).</source>
        <translation>День недели {day} должен быть от 0 (понедельник) до 6 (воскресенье).</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="90"/>
        <source>The holiday {value!r} is not a date like 2026-01-01.</source>
        <translation>Праздничный день {value!r} — не дата вида 2026-01-01.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="164"/>
        <source>Retry step {step!r} is not like 15m, 1h, 2d or next_day.</source>
        <translation>Шаг повтора {step!r} должен быть вида 15m, 1h, 2d или next_day.</translation>
    </message>
    <message>
        <location filename="../../app/conversations.py" line="236"/>
        <source>This chat belongs to {owner} (customer #{owner_id}) already; merge the two customers instead.</source>
        <translation>Этот чат уже принадлежит клиенту {owner} (№{owner_id}); вместо этого объедините двух клиентов.</translation>
    </message>
    <message>
        <location filename="../../app/conversations.py" line="287"/>
        <source>Conversation #{conversation_id} does not exist.</source>
        <translation>Переписка №{conversation_id} не найдена.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="84"/>
        <source>This chat can&apos;t be written to: {reason}</source>
        <translation>В этот чат писать нельзя: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="85"/>
        <source>This chat can&apos;t be written to: the platform doesn&apos;t allow it now.</source>
        <translation>В этот чат писать нельзя: платформа сейчас этого не позволяет.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="88"/>
        <source>Message #{message_id} is being sent already.</source>
        <translation>Сообщение №{message_id} уже отправляется.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="89"/>
        <source>Message #{message_id} was sent already.</source>
        <translation>Сообщение №{message_id} уже отправлено.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="170"/>
        <source>Write a message or attach a file before sending.</source>
        <translation>Перед отправкой напишите сообщение или прикрепите файл.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="363"/>
        <source>Message #{message_id} is being sent already; it can&apos;t be cancelled.</source>
        <translation>Сообщение №{message_id} уже отправляется; отменить его нельзя.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="373"/>
        <source>Message #{message_id} is not waiting to be sent.</source>
        <translation>Сообщение №{message_id} не ждёт отправки.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="693"/>
        <source>Message #{message_id} does not exist.</source>
        <translation>Сообщение №{message_id} не найдено.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="734"/>
        <source>Set the operator&apos;s name in the settings before sending messages.</source>
        <translation>Прежде чем отправлять сообщения, укажите имя оператора в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="73"/>
        <source>Fill in the field {field!r} before sending.</source>
        <translation>Перед отправкой заполните поле {field!r}.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="119"/>
        <source>The brace at line {line}, character {column} has no partner (a field is a name in braces on one line; a brace itself is written twice).</source>
        <translation>У фигурной скобки в строке {line}, символ {column}, нет пары (поле — это имя в фигурных скобках на одной строке; саму скобку пишут дважды).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="129"/>
        <source>The field at line {line}, character {column} has no name.</source>
        <translation>У поля в строке {line}, символ {column}, нет имени.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="136"/>
        <source>The field at line {line}, character {column} is longer than {limit} characters: is a closing brace missing?</source>
        <translation>Поле в строке {line}, символ {column}, длиннее {limit} символов: не пропущена ли закрывающая скобка?</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="210"/>
        <source>The template&apos;s name is empty.</source>
        <translation>У шаблона нет названия.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="213"/>
        <source>The template&apos;s name is longer than {limit} characters.</source>
        <translation>Название шаблона длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="222"/>
        <source>The template&apos;s text is empty.</source>
        <translation>Текст шаблона пуст.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="225"/>
        <source>The template&apos;s text is longer than {limit} characters.</source>
        <translation>Текст шаблона длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="237"/>
        <source>{language!r} is not a language code (such as en, ru or uk).</source>
        <translation>{language!r} — не код языка (например, en, ru или uk).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="253"/>
        <source>{channel!r} is not a channel Switchboard knows.</source>
        <translation>{channel!r} — неизвестный Switchboard канал.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="362"/>
        <source>Template #{template_id} does not exist (deleted elsewhere?).</source>
        <translation>Шаблон №{template_id} не найден (удалён в другом месте?).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="379"/>
        <source>A template named {name!r} exists already in this language.</source>
        <translation>Шаблон с названием {name!r} на этом языке уже есть.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="44"/>
        <source>The bot was removed in Settings.</source>
        <translation>Бот удалён в Настройках.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="45"/>
        <source>The mailbox was removed in Settings.</source>
        <translation>Почтовый ящик удалён в Настройках.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="92"/>
        <source>A bot&apos;s name can be at most {limit} characters long.</source>
        <translation>Название бота может быть не длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="98"/>
        <source>Enter the bot&apos;s token (BotFather gives it).</source>
        <translation>Введите токен бота (его выдаёт BotFather).</translation>
    </message>
    <message>
        <location filename="../../app/bot_replies.py" line="200"/>
        <location filename="../../app/channel_accounts.py" line="108"/>
        <source>Bot #{account_id} no longer exists.</source>
        <translation>Бота №{account_id} больше нет.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="206"/>
        <source>This bot is saved already, as “{label}”: a bot can be read by one account only.</source>
        <translation>Этот бот уже сохранён как «{label}»: бота может читать только одна учётная запись.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="45"/>
        <source>The bot token contains spaces or line breaks; paste it again.</source>
        <translation>В токене бота есть пробелы или переносы строк; вставьте его заново.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="51"/>
        <source>This is not a bot token: BotFather&apos;s tokens look like 123456789:AAE... (digits, a colon, then letters, digits, - and _).</source>
        <translation>Это не токен бота: токены BotFather выглядят так: 123456789:AAE... (цифры, двоеточие, затем буквы, цифры, - и _).</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="74"/>
        <source>The Bot API server address holds a secret (a bot token or a password): enter only the server here (such as https://api.telegram.org), and the token in its own field.</source>
        <translation>В адресе сервера Bot API есть секрет (токен бота или пароль): укажите здесь только сервер (например, https://api.telegram.org), а токен — в его собственном поле.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="86"/>
        <source>The Bot API server address {address!r} is not a URL: {error}.</source>
        <translation>Адрес сервера Bot API {address!r} — не URL: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="94"/>
        <source>The Bot API server address {address!r} must start with https:// (or http:// for a server on this computer or the shop&apos;s network).</source>
        <translation>Адрес сервера Bot API {address!r} должен начинаться с https:// (или http:// для сервера на этом компьютере или в сети магазина).</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="102"/>
        <source>The Bot API server address {address!r} is not a base address.</source>
        <translation>Адрес сервера Bot API {address!r} — не базовый адрес.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="200"/>
        <source>The bot has no texts in the language {language!r}.</source>
        <translation>У бота нет текстов на языке {language!r}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="215"/>
        <source>The greeting in {language} is empty.</source>
        <translation>Приветствие ({language}) пустое.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="219"/>
        <source>The greeting in {language} is longer than {limit} characters.</source>
        <translation>Приветствие ({language}) длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="227"/>
        <source>The button&apos;s text in {language} must be one line of 1 to {limit} characters.</source>
        <translation>Текст кнопки ({language}) должен быть одной строкой от 1 до {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="236"/>
        <source>The confirmation in {language} is empty.</source>
        <translation>Подтверждение ({language}) пустое.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="243"/>
        <source>The confirmation in {language} can hold only {{phone}}, the number we will call; write {{{{ and }}}} for a brace.</source>
        <translation>В подтверждении ({language}) может быть только {{phone}} — номер, по которому мы перезвоним; фигурную скобку пишите как {{{{ или }}}}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="252"/>
        <source>The confirmation in {language} is longer than {limit} characters.</source>
        <translation>Подтверждение ({language}) длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/drafts.py" line="70"/>
        <source>The draft could not be saved in {path}: {error}.</source>
        <translation>Не удалось сохранить черновик в {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="71"/>
        <source>The customer has blocked the bot. Messages reach them again once they write to it.</source>
        <translation>Клиент заблокировал бота. Сообщения снова будут доходить, когда клиент напишет боту.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="75"/>
        <source>The bot can&apos;t write first: the customer has to write to it once.</source>
        <translation>Бот не может написать первым: клиент должен сначала написать ему.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="78"/>
        <source>The platform doesn&apos;t know this chat any more; it may have been deleted.</source>
        <translation>Платформа больше не знает этот чат; возможно, он удалён.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="81"/>
        <source>The customer&apos;s account on the platform was deleted.</source>
        <translation>Учётная запись клиента на платформе удалена.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="84"/>
        <source>The bot may not write to this chat: it was removed or has no rights there.</source>
        <translation>Бот не может писать в этот чат: его удалили или у него нет прав.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="87"/>
        <source>The 24 hours for answering have passed: only an approved template can be sent until the customer writes again.</source>
        <translation>24 часа на ответ истекли: пока клиент не напишет снова, можно отправить только одобренный шаблон.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="92"/>
        <source>The account {account} is switched off in Settings.</source>
        <translation>Учётная запись {account} выключена в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="96"/>
        <source>The platform doesn&apos;t let us write to this chat: {reason}</source>
        <translation>Платформа не позволяет писать в этот чат: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="97"/>
        <source>The platform doesn&apos;t let us write to this chat now.</source>
        <translation>Платформа сейчас не позволяет писать в этот чат.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="99"/>
        <source>The platform refused the account&apos;s token: check the account in Settings.</source>
        <translation>Платформа отклонила токен учётной записи: проверьте её в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="102"/>
        <source>The message or one of its files is too large for the platform.</source>
        <translation>Сообщение или один из его файлов слишком велик для платформы.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="105"/>
        <source>The platform could not be reached; gave up after {attempts} tries.</source>
        <translation>Платформа недоступна; отправка прекращена после попыток: {attempts}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="108"/>
        <source>The platform kept asking to wait; gave up after {attempts} tries.</source>
        <translation>Платформа всё время просила подождать; отправка прекращена после попыток: {attempts}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="111"/>
        <source>The platform refused the message: {reason}</source>
        <translation>Платформа отклонила сообщение: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="112"/>
        <source>The platform refused the message.</source>
        <translation>Платформа отклонила сообщение.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="113"/>
        <source>Cancelled by {operator}.</source>
        <translation>Отменено оператором {operator}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="114"/>
        <source>The platform can&apos;t be reached right now; trying again.</source>
        <translation>Платформа сейчас недоступна; пробуем ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="117"/>
        <source>The platform asked us to wait; trying again.</source>
        <translation>Платформа попросила подождать; пробуем ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="118"/>
        <source>It may not have been sent: the platform did not answer. Look in the chat before sending it again.</source>
        <translation>Возможно, сообщение не отправлено: платформа не ответила. Посмотрите в чат, прежде чем отправлять его снова.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="72"/>
        <source>The CA certificate file {value!r} can&apos;t be read.</source>
        <translation>Файл сертификата ЦС {value!r} не читается.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="56"/>
        <source>The {protocol} port {value!r} is not a port number (1 to 65535).</source>
        <translation>Порт {protocol} {value!r} не является номером порта (от 1 до 65535).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="43"/>
        <source>Enter the mailbox&apos;s password first.</source>
        <translation>Сначала введите пароль ящика.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="140"/>
        <source>Enter the mailbox&apos;s password: it is kept in the keyring.</source>
        <translation>Введите пароль ящика: он хранится в хранилище паролей системы.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="151"/>
        <source>Mailbox #{account_id} no longer exists.</source>
        <translation>Ящика №{account_id} больше нет.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="209"/>
        <source>The mailbox {address} is saved already: each mailbox is read by one account.</source>
        <translation>Ящик {address} уже сохранён: каждый ящик читается одной учётной записью.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/channel.py" line="68"/>
        <source>No password is saved for this mailbox: enter it in Settings &gt; Email.</source>
        <translation>Для этого ящика не сохранён пароль: введите его в «Настройки &gt; Почта».</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="82"/>
        <source>The {protocol} server {host}:{port} sent a self-signed certificate, which is not trusted ({detail}). Ask the mail provider for a proper certificate, or add the shop&apos;s own CA file to the mailbox.</source>
        <translation>Сервер {protocol} {host}:{port} прислал самоподписанный сертификат, ему нет доверия ({detail}). Попросите у почтового провайдера настоящий сертификат или добавьте к ящику файл собственного ЦС магазина.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="86"/>
        <source>The {protocol} server {host}:{port} sent a certificate from an issuer this computer does not trust ({detail}). Add the issuer&apos;s CA file to the mailbox if it is the shop&apos;s own.</source>
        <translation>Сервер {protocol} {host}:{port} прислал сертификат от издателя, которому этот компьютер не доверяет ({detail}). Если это собственный ЦС магазина, добавьте его файл к ящику.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="90"/>
        <source>The certificate of the {protocol} server {host}:{port} has expired ({detail}): the mail provider must renew it.</source>
        <translation>Срок действия сертификата сервера {protocol} {host}:{port} истёк ({detail}): почтовый провайдер должен его обновить.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="94"/>
        <source>The certificate of the {protocol} server {host}:{port} is not valid yet ({detail}): check this computer&apos;s date and time.</source>
        <translation>Сертификат сервера {protocol} {host}:{port} ещё не действует ({detail}): проверьте дату и время на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="98"/>
        <source>The certificate of the {protocol} server {host}:{port} is for another name ({detail}): use the server name the mail provider gives.</source>
        <translation>Сертификат сервера {protocol} {host}:{port} выдан на другое имя ({detail}): укажите имя сервера, которое даёт почтовый провайдер.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="102"/>
        <source>The certificate of the {protocol} server {host}:{port} can&apos;t be trusted: {detail}</source>
        <translation>Сертификату сервера {protocol} {host}:{port} нельзя доверять: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="109"/>
        <source>The {protocol} server {host} was not found: check its name ({detail}).</source>
        <translation>Сервер {protocol} {host} не найден: проверьте его имя ({detail}).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="112"/>
        <source>The {protocol} server {host} refused the connection on port {port}: check the port and the security setting.</source>
        <translation>Сервер {protocol} {host} отклонил подключение на порту {port}: проверьте порт и настройку защиты.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="116"/>
        <source>The {protocol} server {host}:{port} did not answer in time: check the port and the security setting (TLS or STARTTLS), and the network.</source>
        <translation>Сервер {protocol} {host}:{port} не ответил вовремя: проверьте порт, настройку защиты (TLS или STARTTLS) и сеть.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="120"/>
        <source>The {protocol} server {host}:{port} can&apos;t be reached: {detail}</source>
        <translation>Сервер {protocol} {host}:{port} недоступен: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="123"/>
        <source>The {protocol} server {host}:{port} closed the connection: {detail}</source>
        <translation>Сервер {protocol} {host}:{port} закрыл соединение: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="126"/>
        <source>A secure connection to the {protocol} server {host}:{port} failed: {detail}</source>
        <translation>Не удалось защищённое подключение к серверу {protocol} {host}:{port}: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="129"/>
        <source>The {protocol} server {host}:{port} does not start with TLS on this port: choose STARTTLS for it, or the server&apos;s TLS port.</source>
        <translation>Сервер {protocol} {host}:{port} не начинает с TLS на этом порту: выберите для него STARTTLS или TLS-порт сервера.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="133"/>
        <source>The {protocol} server {host}:{port} does not offer STARTTLS, so the password would go unencrypted: nothing was sent. Choose TLS and the server&apos;s TLS port, or ask the mail provider.</source>
        <translation>Сервер {protocol} {host}:{port} не предлагает STARTTLS, и пароль ушёл бы без шифрования: ничего не отправлено. Выберите TLS и TLS-порт сервера или спросите почтового провайдера.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="137"/>
        <source>The {protocol} server {host}:{port} offers no login (AUTH): it is not a server for sending the shop&apos;s mail.</source>
        <translation>Сервер {protocol} {host}:{port} не предлагает входа (AUTH): это не сервер для отправки почты магазина.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="141"/>
        <source>The {protocol} server {host} refused the user name or password: {detail}</source>
        <translation>Сервер {protocol} {host} отклонил имя пользователя или пароль: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="145"/>
        <source>The {protocol} server {host} refused: {detail}</source>
        <translation>Сервер {protocol} {host} отказал: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="146"/>
        <source>The mailbox&apos;s CA certificate file can&apos;t be used for the {protocol} server {host}: {detail}</source>
        <translation>Файл сертификата ЦС ящика нельзя использовать для сервера {protocol} {host}: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="84"/>
        <source>The mailbox&apos;s settings are not a set of fields.</source>
        <translation>Настройки ящика не являются набором полей.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="134"/>
        <source>The Message-ID domain {value!r} is not a domain name (such as shop.com).</source>
        <translation>Домен Message-ID {value!r} не является доменным именем (например, shop.com).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="141"/>
        <source>Choose at least one folder to read.</source>
        <translation>Выберите хотя бы одну папку для чтения.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="144"/>
        <source>The mailbox&apos;s user name (login) is empty.</source>
        <translation>Имя пользователя (логин) ящика пусто.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="165"/>
        <source>The {protocol} server {value!r} is not a host name.</source>
        <translation>Сервер {protocol} {value!r} не является именем хоста.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="171"/>
        <source>The {protocol} port {value} is not a port number (1 to 65535).</source>
        <translation>Порт {protocol} {value} не является номером порта (от 1 до 65535).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="182"/>
        <source>The mailbox setting {field!r} has a value that can&apos;t be used.</source>
        <translation>У настройки ящика {field!r} значение, которое нельзя использовать.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="204"/>
        <location filename="../../integrations/email/settings.py" line="238"/>
        <source>The mailbox setting {field!r} is missing.</source>
        <translation>Настройки ящика {field!r} нет.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="245"/>
        <source>{field!r}: {value!r} is not a secure connection; choose TLS or STARTTLS (mail without encryption is not offered).</source>
        <translation>{field!r}: {value!r} — не защищённое подключение; выберите TLS или STARTTLS (почта без шифрования не предлагается).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/imap.py" line="87"/>
        <source>The folder {folder!r} of the mailbox can&apos;t be read: {reason}. Choose the folders to read in Settings &gt; Email.</source>
        <translation>Папку {folder!r} почтового ящика не удаётся прочитать: {reason}. Выберите папки для чтения в Настройки &gt; Эл. почта.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/imap.py" line="91"/>
        <source>First sync: the mail received since {since} was read ({read} message(s)); {older} older message(s) stay on the server, not read into Switchboard.</source>
        <translation>Первая синхронизация: прочитана почта, полученная с {since} (сообщений: {read}); более старые (сообщений: {older}) остаются на сервере и в Switchboard не загружены.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="59"/>
        <source>The subject is too long: at most {limit} characters.</source>
        <translation>Тема слишком длинная: не больше {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="67"/>
        <location filename="../../app/mail_view.py" line="74"/>
        <source>{value!r} in Cc is not an email address.</source>
        <translation>{value!r} в поле «Копия» — не адрес электронной почты.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="81"/>
        <source>At most {limit} addresses in Cc.</source>
        <translation>В поле «Копия» не больше {limit} адресов.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="143"/>
        <source>The message #{id} is not in the history.</source>
        <translation>Сообщения №{id} нет в истории.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="74"/>
        <source>Sent, but not delivered to {address}: {reason}</source>
        <translation>Отправлено, но не доставлено на {address}: {reason}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="75"/>
        <source>Sent, but not saved to the Sent folder: {reason}</source>
        <translation>Отправлено, но не сохранено в папке «Отправленные»: {reason}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="76"/>
        <source>Sent, but not saved: the mailbox has no Sent folder (choose one in Settings &gt; Email).</source>
        <translation>Отправлено, но не сохранено: в ящике нет папки «Отправленные» (выберите её в Настройки &gt; Эл. почта).</translation>
    </message>
</context>
</TS>
