<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../ui/conversations/attachment_chips.py" line="122"/>
        <source>Remove %1</source>
        <translation>Прибрати %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/attachment_chips.py" line="123"/>
        <source>Remove this file from the message</source>
        <translation>Прибрати цей файл із повідомлення</translation>
    </message>
</context>
<context>
    <name>AudioPage</name>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="100"/>
        <source>Speak: the bar moves with your voice.</source>
        <translation>Говоріть: смужка рухається разом із голосом.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="101"/>
        <source>Play test sound</source>
        <translation>Перевірити звук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="110"/>
        <source>Built-in tone</source>
        <translation>Вбудована мелодія</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="111"/>
        <source>Off (window and tray only)</source>
        <translation>Вимкнено (лише вікно та значок у треї)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="115"/>
        <source>Microphone:</source>
        <translation>Мікрофон:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="116"/>
        <source>Input level:</source>
        <translation>Рівень сигналу:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="117"/>
        <source>Speaker or headset:</source>
        <translation>Динаміки або гарнітура:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="118"/>
        <source>Ring tone:</source>
        <translation>Сигнал виклику:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="120"/>
        <source>Codecs:</source>
        <translation>Кодеки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="124"/>
        <source>Changes apply when you save, to a call in progress too. An unplugged device is replaced by the system default until it is back.</source>
        <translation>Зміни діють після збереження, зокрема й для поточного дзвінка. Відключений пристрій замінюється системним за замовчуванням, доки його не підключать знову.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="132"/>
        <source>No audio devices found: calls have no sound.</source>
        <translation>Звукові пристрої не знайдено: дзвінки будуть без звуку.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="145"/>
        <source>System default</source>
        <translation>Системний за замовчуванням</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audio_page.py" line="152"/>
        <source>%1 (not connected)</source>
        <translation>%1 (не під’єднано)</translation>
    </message>
</context>
<context>
    <name>AudioRouting</name>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="108"/>
        <source>No audio devices found: calls have no sound.</source>
        <translation>Звукові пристрої не знайдено: дзвінки будуть без звуку.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="111"/>
        <source>No audio output: the caller can&apos;t be heard.</source>
        <translation>Немає пристрою виведення звуку: співрозмовника не чути.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="114"/>
        <source>Audio output “%1” is not connected; using %2.</source>
        <translation>Пристрій виведення «%1» не під’єднано; використовується %2.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="119"/>
        <source>No microphone: the caller hears silence.</source>
        <translation>Немає мікрофона: співрозмовник чує тишу.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/audio_routing.py" line="122"/>
        <source>Microphone “%1” is not connected; using %2.</source>
        <translation>Мікрофон «%1» не під’єднано; використовується %2.</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../ui/calls/call_control.py" line="65"/>
        <source>Type a number to call.</source>
        <translation>Введіть номер, щоб зателефонувати.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="67"/>
        <source>Letters can&apos;t be dialled: type the number with digits only.</source>
        <translation>Літери набрати неможливо: введіть номер лише цифрами.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="70"/>
        <source>That is not a phone number: use digits, spaces, dashes, brackets and a leading +.</source>
        <translation>Це не номер телефону: використовуйте цифри, пробіли, дефіси, дужки та + на початку.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="72"/>
        <source>That number is too long to be a phone number.</source>
        <translation>Номер задовгий для телефонного.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="73"/>
        <source>That SIP address is not valid.</source>
        <translation>Неправильна SIP-адреса.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="79"/>
        <source>The phone engine is not running, so calls can&apos;t be placed.</source>
        <translation>Телефонний модуль не запущено, дзвонити неможливо.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="81"/>
        <source>No SIP account configured: add one in Settings &gt; Accounts.</source>
        <translation>Немає SIP-облікового запису: додайте його в Налаштування &gt; Облікові записи.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="101"/>
        <source>Nothing to redial yet: no call was placed.</source>
        <translation>Повторювати нічого: ще не було жодного дзвінка.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="134"/>
        <source>The call could not be placed: %1</source>
        <translation>Не вдалося зателефонувати: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="156"/>
        <source>No call is ringing.</source>
        <translation>Вхідних дзвінків немає.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="173"/>
        <source>There is no call to hang up.</source>
        <translation>Немає дзвінка, який можна завершити.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="222"/>
        <source>An attended transfer needs a second call.</source>
        <translation>Для переведення з консультацією потрібен другий дзвінок.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="246"/>
        <source>Recording is not available: no folder for recordings.</source>
        <translation>Запис недоступний: немає теки для записів.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_control.py" line="284"/>
        <source>A conference needs exactly two answered calls.</source>
        <translation>Для конференції потрібні рівно два прийняті дзвінки.</translation>
    </message>
</context>
<context>
    <name>CallLogStatus</name>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="57"/>
        <source>The database refuses writes: %n call event(s) kept on this computer</source>
        <translation>
            <numerusform>База даних не приймає запис: %n подію дзвінка збережено на цьому комп&apos;ютері</numerusform>
            <numerusform>База даних не приймає запис: %n події дзвінків збережено на цьому комп&apos;ютері</numerusform>
            <numerusform>База даних не приймає запис: %n подій дзвінків збережено на цьому комп&apos;ютері</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="62"/>
        <source>The database says: %1</source>
        <translation>База даних повідомляє: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="63"/>
        <source>They are written as soon as it takes them, also after a restart.</source>
        <translation>Їх буде записано, щойно база даних їх прийме, зокрема після перезапуску.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="68"/>
        <source>The database refused %n call event(s) for good: kept on this computer</source>
        <translation>
            <numerusform>База даних остаточно відхилила %n подію дзвінка: її збережено на цьому комп&apos;ютері</numerusform>
            <numerusform>База даних остаточно відхилила %n події дзвінків: їх збережено на цьому комп&apos;ютері</numerusform>
            <numerusform>База даних остаточно відхилила %n подій дзвінків: їх збережено на цьому комп&apos;ютері</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="74"/>
        <source>It refused them with: %1</source>
        <translation>Причина відмови: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="77"/>
        <source>They are tried again at the next start; the other calls go on.</source>
        <translation>Їх запис буде повторено під час наступного запуску; інші дзвінки записуються як звичайно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calls/call_log_status.py" line="82"/>
        <source>%n call event(s) cut short by a crash were skipped</source>
        <translation>
            <numerusform>%n подію дзвінка, обірвану збоєм, пропущено</numerusform>
            <numerusform>%n події дзвінків, обірвані збоєм, пропущено</numerusform>
            <numerusform>%n подій дзвінків, обірваних збоєм, пропущено</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="85"/>
        <source>They were set aside next to the spool file; the log says where.</source>
        <translation>Їх відкладено поруч із файлом черги; де саме, зазначено в журналі.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_log_status.py" line="89"/>
        <source>They can&apos;t be kept on the disk (%1): a crash would lose them.</source>
        <translation>Їх не можна зберегти на диску (%1): у разі збою їх буде втрачено.</translation>
    </message>
</context>
<context>
    <name>CallNotes</name>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="40"/>
        <source>Notes on this call: saved as you type</source>
        <translation>Нотатки до цього дзвінка: зберігаються, поки ви пишете</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="41"/>
        <source>Call notes</source>
        <translation>Нотатки до дзвінка</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="75"/>
        <source>Notes on the call with %1 (ended)</source>
        <translation>Нотатки до дзвінка з %1 (завершено)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_notes.py" line="77"/>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="46"/>
        <source>No active call</source>
        <translation>Немає активного дзвінка</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="76"/>
        <source>Answer</source>
        <translation>Відповісти</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="79"/>
        <location filename="../../ui/calls/call_panel.py" line="256"/>
        <source>Hold</source>
        <translation>Утримати</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="81"/>
        <location filename="../../ui/calls/call_panel.py" line="258"/>
        <source>Mute</source>
        <translation>Вимкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="83"/>
        <source>Keypad</source>
        <translation>Клавіатура</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="85"/>
        <location filename="../../ui/calls/call_panel.py" line="261"/>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="97"/>
        <location filename="../../ui/calls/call_panel.py" line="271"/>
        <source>Hang up</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="103"/>
        <source>Transfer</source>
        <translation>Переадресувати</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="189"/>
        <source>On hold</source>
        <translation>На утриманні</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="191"/>
        <source>Held by the other side</source>
        <translation>Утримано співрозмовником</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="195"/>
        <source>Talking</source>
        <translation>Розмова</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="193"/>
        <location filename="../../ui/calls/call_panel.py" line="195"/>
        <source>muted</source>
        <translation>мікрофон вимкнено</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="87"/>
        <source>Conference</source>
        <translation>Конференція</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="89"/>
        <source>Join the active call with the held one: all three of you talk</source>
        <translation>Об&apos;єднати активний дзвінок з утримуваним: говорите втрьох</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="92"/>
        <source>Split</source>
        <translation>Розділити</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="94"/>
        <source>End the conference: keep the active call, put the other on hold</source>
        <translation>Завершити конференцію: активний дзвінок лишається, інший ставиться на утримання</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="193"/>
        <source>In conference</source>
        <translation>У конференції</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="197"/>
        <source>Incoming call…</source>
        <translation>Вхідний дзвінок…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="199"/>
        <source>Ringing…</source>
        <translation>Іде виклик…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="201"/>
        <source>Connecting…</source>
        <translation>З’єднання…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="202"/>
        <source>Calling…</source>
        <translation>Набір номера…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="256"/>
        <source>Resume</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="258"/>
        <source>Unmute</source>
        <translation>Увімкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="262"/>
        <source>Record this call</source>
        <translation>Записати розмову</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="264"/>
        <source>Resume rec.</source>
        <translation>Продовжити запис</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="265"/>
        <source>Recording paused: this part is not recorded</source>
        <translation>Запис на паузі: ця частина не записується</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="267"/>
        <source>Pause rec.</source>
        <translation>Пауза запису</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="269"/>
        <source>Recording. Pause it while the customer reads out card details</source>
        <translation>Йде запис. Поставте на паузу, поки клієнт диктує дані картки</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="271"/>
        <source>Decline</source>
        <translation>Відхилити</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="295"/>
        <source>Blind transfer to a number…</source>
        <translation>Переадресувати на номер без консультації…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="301"/>
        <source>Attended transfer: call the colleague first</source>
        <translation>Переведення з консультацією: спершу зателефонуйте колезі</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="308"/>
        <source>Attended transfer to %1</source>
        <translation>Переадресувати з консультацією на %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="337"/>
        <source>Blind transfer</source>
        <translation>Переадресація без консультації</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_panel.py" line="338"/>
        <source>Transfer the call to (number or SIP address):</source>
        <translation>Переадресувати дзвінок на (номер або SIP-адреса):</translation>
    </message>
</context>
<context>
    <name>CallbackDesk</name>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="171"/>
        <source>The callback queue could not be read: %1</source>
        <translation>Не вдалося прочитати чергу зворотних дзвінків: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="189"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Перш ніж брати зворотні дзвінки, вкажіть ім&apos;я оператора в налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="198"/>
        <source>Save how the last callback went first.</source>
        <translation>Спершу збережіть результат попереднього зворотного дзвінка.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="203"/>
        <source>Finish the current call before taking a callback.</source>
        <translation>Завершіть поточний дзвінок, перш ніж брати зворотний дзвінок.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="207"/>
        <source>The phone engine is not running, so calls can&apos;t be placed.</source>
        <translation>Телефонний модуль не запущено, дзвонити неможливо.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="225"/>
        <source>No callback is due right now.</source>
        <translation>Зараз немає зворотних дзвінків до виконання.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="242"/>
        <source>Calling back %1…</source>
        <translation>Передзвонюємо: %1…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="256"/>
        <source>This callback can&apos;t be taken: %1</source>
        <translation>Цей зворотний дзвінок не можна взяти: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="260"/>
        <source>The callback call could not be placed: %1</source>
        <translation>Не вдалося зателефонувати за заявкою: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="311"/>
        <source>The outcome of the callback to %1 was not saved: it returns to the queue when your claim expires.</source>
        <translation>Результат зворотного дзвінка %1 не збережено: заявка повернеться до черги, коли мине ваше бронювання.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="335"/>
        <source>Callback outcome saved: %1.</source>
        <translation>Результат зворотного дзвінка збережено: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="346"/>
        <source>Another operator took the callback to %1 after your claim expired, so this outcome was not saved. The call is on the customer&apos;s timeline.</source>
        <translation>Зворотний дзвінок %1 взяв інший оператор після того, як минуло ваше бронювання, тому результат не збережено. Дзвінок є в історії клієнта.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="353"/>
        <source>The callback outcome could not be saved: %1</source>
        <translation>Не вдалося зберегти результат зворотного дзвінка: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="368"/>
        <source>Callbacks</source>
        <translation>Зворотні дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_desk.py" line="373"/>
        <source>Open settings…</source>
        <translation>Відкрити налаштування…</translation>
    </message>
</context>
<context>
    <name>CallbackHandover</name>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="75"/>
        <source>Assign callback #%1</source>
        <translation>Призначити зворотний дзвінок №%1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="77"/>
        <source>Give it to the operator (only they get it with “Call next”):</source>
        <translation>Передати операторові (лише він отримає його через «Зателефонувати наступному»):</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="81"/>
        <source>Assign</source>
        <translation>Призначити</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="93"/>
        <source>Callback #%1 is assigned to %2.</source>
        <translation>Зворотний дзвінок №%1 призначено операторові %2.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="114"/>
        <source>Callback #%1 is back in the queue for everyone.</source>
        <translation>Зворотний дзвінок №%1 знову в загальній черзі.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="116"/>
        <source>Callback #%1 was not held by you: nothing changed.</source>
        <translation>Зворотний дзвінок №%1 не був за вами: нічого не змінилося.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="128"/>
        <source>Cancel callback #%1</source>
        <translation>Скасувати зворотний дзвінок №%1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="131"/>
        <source>Nobody will call %1 back for this request. Why? (kept on the timeline)</source>
        <translation>За цією заявкою ніхто не передзвонить %1. Чому? (збережеться в історії)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="135"/>
        <source>Cancel the callback</source>
        <translation>Скасувати дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="136"/>
        <source>Keep it</source>
        <translation>Залишити</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="150"/>
        <source>Callback #%1 is cancelled.</source>
        <translation>Зворотний дзвінок №%1 скасовано.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_handover.py" line="163"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Перш ніж брати зворотні дзвінки, вкажіть ім&apos;я оператора в налаштуваннях.</translation>
    </message>
</context>
<context>
    <name>CallbackOutcomeDialog</name>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="43"/>
        <source>Callback outcome</source>
        <translation>Результат зворотного дзвінка</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="46"/>
        <source>&amp;1 Reached</source>
        <translation>&amp;1 Додзвонилися</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="47"/>
        <source>&amp;2 No answer</source>
        <translation>&amp;2 Не відповів</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="48"/>
        <source>&amp;3 Busy</source>
        <translation>&amp;3 Зайнято</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="49"/>
        <source>&amp;4 Voicemail</source>
        <translation>&amp;4 Автовідповідач</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="50"/>
        <source>&amp;5 Wrong number</source>
        <translation>&amp;5 Помилковий номер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="51"/>
        <source>&amp;6 Asked to call later at:</source>
        <translation>&amp;6 Просив передзвонити о:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="54"/>
        <source>How did the call to {0} go?</source>
        <translation>Чим закінчився дзвінок {0}?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="69"/>
        <source>%n more attempt(s) will be scheduled if not reached.</source>
        <translation>
            <numerusform>Якщо не додзвонимося, буде заплановано ще %n спробу.</numerusform>
            <numerusform>Якщо не додзвонимося, буде заплановано ще %n спроби.</numerusform>
            <numerusform>Якщо не додзвонимося, буде заплановано ще %n спроб.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="71"/>
        <source>This was the last attempt: a message will be proposed instead.</source>
        <translation>Це була остання спроба: замість дзвінка буде запропоновано повідомлення.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="108"/>
        <source>Choose how the call went.</source>
        <translation>Виберіть, чим закінчився дзвінок.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_outcome_dialog.py" line="111"/>
        <source>The time to call back is in the past.</source>
        <translation>Час зворотного дзвінка вже минув.</translation>
    </message>
</context>
<context>
    <name>CallbackPolicyPage</name>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="111"/>
        <source>Monday</source>
        <translation>Понеділок</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="112"/>
        <source>Tuesday</source>
        <translation>Вівторок</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="113"/>
        <source>Wednesday</source>
        <translation>Середа</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="114"/>
        <source>Thursday</source>
        <translation>Четвер</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="115"/>
        <source>Friday</source>
        <translation>П’ятниця</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="116"/>
        <source>Saturday</source>
        <translation>Субота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="117"/>
        <source>Sunday</source>
        <translation>Неділя</translation>
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
        <translation>Нд</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="128"/>
        <source>Shop time zone</source>
        <translation>Часовий пояс магазину</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="129"/>
        <source>Holidays</source>
        <translation>Вихідні дні</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="130"/>
        <source>Retry schedule</source>
        <translation>Повторні спроби</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="138"/>
        <source>closed</source>
        <translation>не працюємо</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="141"/>
        <source>Shifts separated by commas, e.g. 09:00-13:00, 14:00-18:00. A shift may end after midnight (22:00-02:00). Empty: closed all day.</source>
        <translation>Зміни через кому, наприклад 09:00-13:00, 14:00-18:00. Зміна може закінчуватися після півночі (22:00-02:00). Порожньо — вихідний увесь день.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="148"/>
        <source>e.g. 2026-01-01, 2026-01-07</source>
        <translation>наприклад 2026-01-01, 2026-01-07</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="150"/>
        <source>Days the shop is closed, as 2026-12-25, separated by commas or spaces.</source>
        <translation>Дні, коли магазин не працює, у вигляді 2026-12-25, через кому або пробіл.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="155"/>
        <source>Working time from a request to its first call. Only open hours count: 15 minutes asked at 17:55 on a Friday, with the shop closing at 18:00, end at 09:10 on Monday.</source>
        <translation>Робочий час від заявки до першого дзвінка. Рахуються лише робочі години: 15 хвилин, запитані в п’ятницю о 17:55 при закритті о 18:00, спливають у понеділок о 09:10.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="162"/>
        <source>none: one call only</source>
        <translation>немає: лише один дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="165"/>
        <source>The waits after each call that did not reach the customer: 15m, 1h, 2d, or next_day (the next working day&apos;s opening). After the last one, a message is proposed instead.</source>
        <translation>Паузи після кожного дзвінка, яким не вдалося додзвонитися: 15m, 1h, 2d або next_day (початок наступного робочого дня). Після останньої пропонується надіслати повідомлення.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="175"/>
        <source>How long a request you took stays yours before a colleague may take it; a call in progress keeps it.</source>
        <translation>Скільки взята заявка лишається за вами, перш ніж її зможе взяти колега; поточний дзвінок її утримує.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="188"/>
        <source>Changes apply when you save, to new requests and the next retries; requests already in the queue keep their deadlines.</source>
        <translation>Зміни набувають чинності під час збереження — для нових заявок і наступних спроб; у заявок, що вже в черзі, терміни не змінюються.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="201"/>
        <source>Call back within (SLA):</source>
        <translation>Передзвонити протягом (SLA):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="203"/>
        <source>A taken request stays yours for:</source>
        <translation>Взята заявка лишається за вами:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="216"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="239"/>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="300"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="320"/>
        <source>Open now.</source>
        <translation>Зараз відчинено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="327"/>
        <source>Next opening: %1 (%2)</source>
        <translation>Найближче відкриття: %1 (%2)</translation>
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
        <translation>%1 год</translation>
    </message>
    <message>
        <location filename="../../ui/settings/callback_policy_page.py" line="344"/>
        <source>%1 min</source>
        <translation>%1 хв</translation>
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
        <translation>Клієнт</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="105"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="106"/>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="107"/>
        <source>Attempts</source>
        <translation>Спроби</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="108"/>
        <source>Taken by</source>
        <translation>Взяв</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="113"/>
        <source>Missed call</source>
        <translation>Пропущений дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="114"/>
        <source>Web form</source>
        <translation>Вебформа</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="115"/>
        <source>Messenger</source>
        <translation>Месенджер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="116"/>
        <source>Email</source>
        <translation>Ел. пошта</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="117"/>
        <source>Manual</source>
        <translation>Вручну</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="150"/>
        <source>Unknown</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="160"/>
        <source>%1 (assigned)</source>
        <translation>%1 (призначено)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="168"/>
        <source>Assigned to %1: only they get it with “Call next”</source>
        <translation>Призначено операторові %1: лише він отримає його через «Зателефонувати наступному»</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="172"/>
        <source>Due {0}</source>
        <translation>Термін {0}</translation>
    </message>
</context>
<context>
    <name>CallbackQueuePanel</name>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="205"/>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="206"/>
        <source>Mine</source>
        <translation>Мої</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="207"/>
        <source>Overdue</source>
        <translation>Прострочені</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="213"/>
        <source>Call next</source>
        <translation>Зателефонувати наступному</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="214"/>
        <source>Take the most urgent request and dial (F9)</source>
        <translation>Взяти найтерміновішу заявку й зателефонувати (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="219"/>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="288"/>
        <source>Assign to…</source>
        <translation>Призначити…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="289"/>
        <source>Give this request to an operator: only they get it with “Call next”</source>
        <translation>Передати заявку операторові: лише він отримає її через «Зателефонувати наступному»</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="295"/>
        <source>Release</source>
        <translation>Повернути в чергу</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="296"/>
        <source>Give this request back to everyone</source>
        <translation>Повернути заявку в загальну чергу</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="302"/>
        <source>Cancel request…</source>
        <translation>Скасувати заявку…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="303"/>
        <source>Nobody is to call this customer back: close the request, saying why</source>
        <translation>Передзвонювати клієнтові не потрібно: закрити заявку із зазначенням причини</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="341"/>
        <source>Call back</source>
        <translation>Передзвонити</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="353"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n очікує</numerusform>
            <numerusform>%n очікують</numerusform>
            <numerusform>%n очікують</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callbacks/callback_queue_panel.py" line="355"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n прострочена</numerusform>
            <numerusform>%n прострочені</numerusform>
            <numerusform>%n прострочено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallbackReportDialog</name>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="43"/>
        <source>Callback report</source>
        <translation>Звіт зі зворотних дзвінків</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Last 7 days</source>
        <translation>Останні 7 днів</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="52"/>
        <source>Last 30 days</source>
        <translation>Останні 30 днів</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="63"/>
        <source>Period:</source>
        <translation>Період:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="83"/>
        <source>Counting…</source>
        <translation>Рахуємо…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="96"/>
        <source>The report could not be made: %1</source>
        <translation>Не вдалося побудувати звіт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="111"/>
        <source>Saved to %1</source>
        <translation>Збережено в %1</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_dialog.py" line="113"/>
        <source>The report could not be saved: %1</source>
        <translation>Не вдалося зберегти звіт: %1</translation>
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
        <translation>Додзвонилися</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="51"/>
        <source>1st try, median</source>
        <translation>1-а спроба, медіана</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="51"/>
        <source>Median time to the first attempt, minutes</source>
        <translation>Медіана часу до першої спроби, хвилини</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="52"/>
        <source>1st try, p90</source>
        <translation>1-а спроба, p90</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="52"/>
        <source>90% of requests were tried within, minutes</source>
        <translation>90% заявок опрацьовано протягом, хвилин</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="53"/>
        <source>Reach, median</source>
        <translation>Додзвін, медіана</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="53"/>
        <source>Median time to reach the customer, minutes</source>
        <translation>Медіана часу до розмови з клієнтом, хвилини</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="54"/>
        <source>In SLA</source>
        <translation>У SLA</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="54"/>
        <source>Share of requests first tried within the SLA</source>
        <translation>Частка заявок із першою спробою в межах SLA</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="64"/>
        <source>Times are minutes of working time.</source>
        <translation>Час указано у хвилинах робочого часу.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="67"/>
        <source>Outcomes</source>
        <translation>Результати</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="72"/>
        <source>Export CSV…</source>
        <translation>Експорт CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="88"/>
        <source>No answer</source>
        <translation>Не відповів</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="89"/>
        <source>Busy</source>
        <translation>Зайнято</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="90"/>
        <source>Voicemail</source>
        <translation>Автовідповідач</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="91"/>
        <source>Wrong number</source>
        <translation>Помилковий номер</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="92"/>
        <source>Call later</source>
        <translation>Передзвонити пізніше</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="93"/>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="102"/>
        <source>{0} requests · {1} reached · median to first attempt {2} min · within SLA {3}</source>
        <translation>Заявок: {0} · додзвонилися: {1} · медіана до першої спроби {2} хв · у SLA {3}</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="111"/>
        <source>Everyone</source>
        <translation>Усі оператори</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_report_view.py" line="170"/>
        <source>Export callback report</source>
        <translation>Експорт звіту зі зворотних дзвінків</translation>
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
        <translation>Заявка на зворотний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="126"/>
        <source>+380 50 123 45 67</source>
        <translation>+380 50 123 45 67</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="129"/>
        <source>Only within this time</source>
        <translation>Лише в цей час</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="136"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="140"/>
        <source>Shop time (%1)</source>
        <translation>Час магазину (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="147"/>
        <source>Normal</source>
        <translation>Звичайний</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="148"/>
        <source>High</source>
        <translation>Високий</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="149"/>
        <source>Urgent</source>
        <translation>Терміновий</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="152"/>
        <source>What the customer wants, what to prepare</source>
        <translation>Що потрібно клієнту, що підготувати</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="158"/>
        <source>Customer:</source>
        <translation>Клієнт:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="159"/>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="160"/>
        <source>Preferred time:</source>
        <translation>Зручний час:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="163"/>
        <source>Priority:</source>
        <translation>Пріоритет:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="164"/>
        <source>Comment:</source>
        <translation>Коментар:</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="211"/>
        <source>Type the number to call back.</source>
        <translation>Введіть номер для зворотного дзвінка.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="216"/>
        <source>The preferred time ends before it starts.</source>
        <translation>Зручний час закінчується раніше, ніж починається.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="220"/>
        <source>The preferred time is already over: choose one that ends later.</source>
        <translation>Зручний час уже минув: оберіть пізніший.</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks/callback_request_dialog.py" line="245"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
</context>
<context>
    <name>ChannelService</name>
    <message>
        <location filename="../../ui/shell/channel_service.py" line="272"/>
        <source>Messengers not started: %1</source>
        <translation>Месенджери не запущено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/channel_service.py" line="328"/>
        <source>Messengers: %n bot(s) connected</source>
        <translation>
            <numerusform>Месенджери: підключено %n бота</numerusform>
            <numerusform>Месенджери: підключено %n боти</numerusform>
            <numerusform>Месенджери: підключено %n ботів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelStatus</name>
    <message>
        <location filename="../../ui/common/channel_status.py" line="77"/>
        <source>a webhook is set</source>
        <translation>встановлено вебхук</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="79"/>
        <source>served by another Switchboard window on this database</source>
        <translation>його обслуговує інше вікно Switchboard на цій базі даних</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="82"/>
        <source>another program reads this bot</source>
        <translation>цього бота читає інша програма</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="85"/>
        <source>too many requests, waiting</source>
        <translation>забагато запитів, очікування</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="87"/>
        <source>too many requests, waiting until %1</source>
        <translation>забагато запитів, очікування до %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="91"/>
        <source>connecting…</source>
        <translation>підключення…</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="92"/>
        <source>connected</source>
        <translation>підключено</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="94"/>
        <source>password refused</source>
        <translation>пароль відхилено</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="96"/>
        <source>token refused</source>
        <translation>токен відхилено</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="98"/>
        <source>not reachable, retrying</source>
        <translation>недоступний, повторюємо</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="101"/>
        <source>can&apos;t start</source>
        <translation>не запускається</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="102"/>
        <source>off</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="103"/>
        <source>stopped</source>
        <translation>зупинено</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="113"/>
        <source>Telegram sends this bot&apos;s messages to a webhook, not to Switchboard. Remove it in Settings &gt; Telegram: Test, then Remove webhook.</source>
        <translation>Telegram надсилає повідомлення цього бота на вебхук, а не до Switchboard. Видаліть його в Налаштування &gt; Telegram: «Перевірити», потім «Видалити вебхук».</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="119"/>
        <source>A bot is read by one Switchboard window per database, here another one (below). This window takes the bot over by itself when that one closes.</source>
        <translation>Бота читає лише одне вікно Switchboard на одну базу даних, зараз — інше (див. нижче). Це вікно саме візьме бота, коли те вікно закриється.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="124"/>
        <source>A bot is read by one program at a time: stop the other one, or give Switchboard a bot of its own.</source>
        <translation>Бота може читати лише одна програма: зупиніть іншу або створіть для Switchboard окремого бота.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="131"/>
        <source>The mail server refused the user name or password: enter the current ones in Settings &gt; Email.</source>
        <translation>Поштовий сервер відхилив ім&apos;я користувача або пароль: введіть чинні в Налаштування &gt; Ел. пошта.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="137"/>
        <source>The token was revoked or is wrong: enter the current one from @BotFather in Settings &gt; Telegram.</source>
        <translation>Токен відкликано або він хибний: введіть чинний від @BotFather у Налаштування &gt; Telegram.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="143"/>
        <source>Check the mailbox in Settings &gt; Email.</source>
        <translation>Перевірте поштову скриньку в Налаштування &gt; Ел. пошта.</translation>
    </message>
    <message>
        <location filename="../../ui/common/channel_status.py" line="145"/>
        <source>Check the bot in Settings &gt; Telegram.</source>
        <translation>Перевірте бота в Налаштування &gt; Telegram.</translation>
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
        <translation> хв</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="31"/>
        <source>A waiting chat&apos;s clock turns amber after this long</source>
        <translation>Через стільки часу годинник чату, що чекає, стає жовтим</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="37"/>
        <source>…and red after this long</source>
        <translation>…а через стільки — червоним</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="41"/>
        <source>Show the message&apos;s first words in notifications</source>
        <translation>Показувати перші слова повідомлення у сповіщеннях</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="44"/>
        <source>Off: a notification says only who wrote (others may see your screen).</source>
        <translation>Вимкнено: сповіщення каже лише, хто написав (ваш екран можуть бачити інші).</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="47"/>
        <source>Play a sound for a new message</source>
        <translation>Звук при новому повідомленні</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="49"/>
        <source>While the window is not in front, with the notification.</source>
        <translation>Коли вікно не на передньому плані, разом зі сповіщенням.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="54"/>
        <source>amber after</source>
        <translation>жовтий через</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="56"/>
        <source>red after</source>
        <translation>червоний через</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/chat_settings.py" line="64"/>
        <source>Waiting chats:</source>
        <translation>Чати, що чекають:</translation>
    </message>
</context>
<context>
    <name>CodecList</name>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="56"/>
        <source>Ticked codecs are offered in this order; the others are off. Alt+Up and Alt+Down move the selected one.</source>
        <translation>Позначені кодеки пропонуються в цьому порядку, решта вимкнені. Alt+Вгору та Alt+Вниз переміщують вибраний.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="66"/>
        <source>more CPU</source>
        <translation>більше CPU</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="68"/>
        <source>costs more CPU; few PBXs need it</source>
        <translation>більше навантажує процесор; потрібен небагатьом АТС</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="83"/>
        <source>Move up</source>
        <translation>Вище</translation>
    </message>
    <message>
        <location filename="../../ui/settings/codec_list.py" line="84"/>
        <source>Move down</source>
        <translation>Нижче</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/conversations/composer.py" line="188"/>
        <source>Don&apos;t answer this message, write a new one</source>
        <translation>Не відповідати на це повідомлення, написати нове</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="189"/>
        <source>Cancel the reply</source>
        <translation>Скасувати відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="211"/>
        <source>Attach…</source>
        <translation>Додати файл…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="214"/>
        <source>Attach files (or drop them here, or paste an image)</source>
        <translation>Додати файли (або перетягніть їх сюди, або вставте зображення)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="217"/>
        <source>Quick replies</source>
        <translation>Швидкі відповіді</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="219"/>
        <source>Insert a quick reply (/ or Ctrl+/)</source>
        <translation>Вставити швидку відповідь (/ або Ctrl+/)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="227"/>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="375"/>
        <source>Send (Enter; Shift+Enter starts a new line)</source>
        <translation>Надіслати (Enter; Shift+Enter — новий рядок)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="377"/>
        <source>Write a message… Enter sends, / inserts a quick reply</source>
        <translation>Напишіть повідомлення… Enter — надіслати, / — швидка відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="380"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Надіслати (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="382"/>
        <source>Write a message… Ctrl+Enter sends, / inserts a quick reply</source>
        <translation>Напишіть повідомлення… Ctrl+Enter — надіслати, / — швидка відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="470"/>
        <source>The draft was damaged on the disk; its last good copy is back.</source>
        <translation>Чернетку на диску було пошкоджено; відновлено її останню цілу копію.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="585"/>
        <source>Reply to: %1</source>
        <translation>Відповідь на: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="585"/>
        <source>Reply to a message</source>
        <translation>Відповідь на повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="595"/>
        <source>Attach files</source>
        <translation>Додати файли</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="611"/>
        <source>This file is gone or can&apos;t be read: remove it to send the message.</source>
        <translation>Цього файлу вже немає або його не вдається прочитати: приберіть його, щоб надіслати повідомлення.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="620"/>
        <source>“%1” is %2: %3 takes files up to %4.</source>
        <translation>«%1» — %2, а %3 приймає файли до %4.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="644"/>
        <source>“%1” is not a file that can be read.</source>
        <translation>«%1» — не файл або його не вдається прочитати.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="647"/>
        <source>Not attached.</source>
        <translation>Не додано.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="655"/>
        <source>“%1” is not a picture, whatever its name says: it will go as a file.</source>
        <translation>«%1» — не зображення, хоч би що казала назва: файл піде як документ.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="672"/>
        <source>The clipboard&apos;s image could not be read.</source>
        <translation>Не вдалося прочитати зображення з буфера обміну.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="685"/>
        <source>The pasted image could not be saved: %1</source>
        <translation>Не вдалося зберегти вставлене зображення: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/composer.py" line="764"/>
        <source>will go as %n messages</source>
        <translation>
            <numerusform>розділиться на %n повідомлення</numerusform>
            <numerusform>розділиться на %n повідомлення</numerusform>
            <numerusform>розділиться на %n повідомлень</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="863"/>
        <source>Write a message or attach a file before sending.</source>
        <translation>Напишіть повідомлення або додайте файл, перш ніж надсилати.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="953"/>
        <source>“%1” is gone since it was attached (deleted or moved): remove it or attach it again.</source>
        <translation>«%1» зник після того, як його додали (видалено або переміщено): приберіть його або додайте знову.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/composer.py" line="956"/>
        <source>Not sent: %1</source>
        <translation>Не надіслано: %1</translation>
    </message>
</context>
<context>
    <name>ConfigProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="345"/>
        <source>Switchboard can&apos;t tell which database to use</source>
        <translation>Switchboard не може визначити, яку базу даних використовувати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="352"/>
        <source>Switchboard does not pick a database by itself: on the local database, this computer&apos;s calls would not reach a team&apos;s database. Fix the file and try again, enter the database to use, or start with the local database if this computer has no team database.</source>
        <translation>Switchboard не обирає базу даних сам: з локальною базою дзвінки цього комп’ютера не потраплять до спільної бази команди. Виправте файл і спробуйте ще раз, вкажіть потрібну базу даних або запустіть із локальною базою, якщо цей комп’ютер не має спільної бази команди.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="360"/>
        <source>Try again</source>
        <translation>Спробувати ще раз</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="361"/>
        <source>Read the settings file again, once it is fixed.</source>
        <translation>Прочитати файл налаштувань знову, коли його виправлено.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="366"/>
        <source>Change the database…</source>
        <translation>Змінити базу даних…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="367"/>
        <source>Enter the database to use; it is saved in the settings file.</source>
        <translation>Вкажіть базу даних; її буде збережено у файлі налаштувань.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="372"/>
        <source>Start with the local database</source>
        <translation>Запустити з локальною базою даних</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="373"/>
        <source>This computer&apos;s own file, %1. What is done here stays here.</source>
        <translation>Власний файл цього комп’ютера, %1. Усе, що зроблено тут, тут і залишиться.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="378"/>
        <source>Open the file</source>
        <translation>Відкрити файл</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="379"/>
        <source>Quit</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="386"/>
        <source>A copy of the file as it was is kept as %1.</source>
        <translation>Копію файлу в попередньому вигляді збережено як %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="401"/>
        <source>The file still can&apos;t say which database to use.</source>
        <translation>З файлу досі не можна визначити, яку базу даних використовувати.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="426"/>
        <source>No program opened it: open %1 in a text editor.</source>
        <translation>Жодна програма його не відкрила: відкрийте %1 у текстовому редакторі.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="224"/>
        <source>Assign to me</source>
        <translation>Призначити мені</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="225"/>
        <source>Call</source>
        <translation>Подзвонити</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="227"/>
        <source>Request callback…</source>
        <translation>Заявка на дзвінок…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="229"/>
        <source>Put this customer in the callback queue</source>
        <translation>Поставити клієнта в чергу зворотних дзвінків</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="231"/>
        <source>Link to a customer…</source>
        <translation>Прив&apos;язати до клієнта…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="233"/>
        <source>This sender is not one of your customers yet</source>
        <translation>Цього відправника ще немає серед ваших клієнтів</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="235"/>
        <source>Create customer…</source>
        <translation>Створити клієнта…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="361"/>
        <source>The conversation could not be read: %1</source>
        <translation>Не вдалося прочитати листування: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="504"/>
        <source>Assigned to %1</source>
        <translation>Відповідальний: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="506"/>
        <source>Not assigned</source>
        <translation>Без відповідального</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="527"/>
        <source>No phone number is known for this customer</source>
        <translation>Номер телефону клієнта невідомий</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="529"/>
        <source>Link the chat to a customer with a phone number to call them</source>
        <translation>Щоб подзвонити, прив&apos;яжіть чат до клієнта з номером телефону</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="535"/>
        <source>Call %1</source>
        <translation>Подзвонити %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="544"/>
        <source>Call one of the customer&apos;s numbers</source>
        <translation>Подзвонити на один із номерів клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="628"/>
        <source>The customer was made, but the chat is not linked: %1</source>
        <translation>Клієнта створено, але чат не прив&apos;язано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="647"/>
        <source>Not sent again: %1</source>
        <translation>Повторно не надіслано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/conversation_view.py" line="657"/>
        <source>Not cancelled: %1</source>
        <translation>Не скасовано: %1</translation>
    </message>
</context>
<context>
    <name>ConversationsPanel</name>
    <message>
        <location filename="../../ui/conversations/panel.py" line="132"/>
        <source>Conversations</source>
        <translation>Листування</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="170"/>
        <location filename="../../ui/conversations/panel.py" line="202"/>
        <source>Telegram, WhatsApp, Viber and email conversations of the open customer show here.</source>
        <translation>Тут видно листування відкритого клієнта в Telegram, WhatsApp, Viber і поштою.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="247"/>
        <source>This customer is no longer in the database (deleted in another window).</source>
        <translation>Цього клієнта більше немає в базі (видалено в іншому вікні).</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="273"/>
        <source>The conversations could not be read: %1</source>
        <translation>Не вдалося прочитати листування: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="283"/>
        <source>No chats with this customer. No messenger is set up yet: add a Telegram bot in Settings, and customers can write to it.</source>
        <translation>З цим клієнтом чатів немає. Месенджер ще не підключено: додайте Telegram-бота в налаштуваннях, і клієнти зможуть йому писати.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/panel.py" line="288"/>
        <source>No chats with this customer yet. A chat starts when they write to %1.</source>
        <translation>З цим клієнтом чатів поки немає. Чат почнеться, коли клієнт напише в %1.</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="103"/>
        <source>Pick a customer on the left, or search with Ctrl+F.</source>
        <translation>Виберіть клієнта ліворуч або знайдіть його за Ctrl+F.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="130"/>
        <source>Company:</source>
        <translation>Компанія:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="131"/>
        <source>Contacts:</source>
        <translation>Контакти:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="132"/>
        <source>Owner:</source>
        <translation>Відповідальний:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="133"/>
        <source>Tags:</source>
        <translation>Мітки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="134"/>
        <source>Notes:</source>
        <translation>Нотатки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="141"/>
        <source>Edit…</source>
        <translation>Змінити…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="143"/>
        <source>Edit name, company, tags, notes and contacts (F2)</source>
        <translation>Змінити ім’я, компанію, мітки, нотатки й контакти (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="145"/>
        <source>Request callback…</source>
        <translation>Заявка на дзвінок…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="147"/>
        <source>Put this customer in the callback queue</source>
        <translation>Поставити клієнта в чергу зворотних дзвінків</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="151"/>
        <source>More</source>
        <translation>Ще</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="154"/>
        <source>Export all data (JSON)…</source>
        <translation>Вивантажити всі дані (JSON)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="156"/>
        <source>Delete customer and all data…</source>
        <translation>Видалити клієнта з усіма даними…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="254"/>
        <source>The customer could not be shown: %1</source>
        <translation>Не вдалося показати клієнта: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="264"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="299"/>
        <source>Call</source>
        <translation>Подзвонити</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="301"/>
        <source>Call %1</source>
        <translation>Подзвонити %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="357"/>
        <source>Export customer data</source>
        <translation>Вивантаження даних клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="357"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="370"/>
        <source>Customer data exported to %1</source>
        <translation>Дані клієнта збережено в %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="373"/>
        <source>Export failed: %1</source>
        <translation>Вивантажити не вдалося: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="391"/>
        <source>Delete customer</source>
        <translation>Видалення клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="393"/>
        <source>Delete %1 with all contacts, calls, messages, recordings and callbacks? This cannot be undone. Export the data first if the customer asked for it.</source>
        <translation>Видалити клієнта %1 з усіма контактами, дзвінками, повідомленнями, записами й зворотними дзвінками? Скасувати це не можна. Якщо клієнт запросив свої дані, спершу вивантажте їх.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_card.py" line="413"/>
        <source>Not deleted: %1</source>
        <translation>Не видалено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customers/customer_card.py" line="427"/>
        <source>%1 was deleted with %n interaction(s).</source>
        <translation>
            <numerusform>%1 видалено разом із %n зверненням.</numerusform>
            <numerusform>%1 видалено разом із %n зверненнями.</numerusform>
            <numerusform>%1 видалено разом із %n зверненнями.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="51"/>
        <source>Search customers</source>
        <translation>Пошук клієнтів</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="53"/>
        <source>Name, company, notes, phone or email (Ctrl+F)</source>
        <translation>Ім’я, компанія, нотатки, телефон або e-mail (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="83"/>
        <source>Loading customers…</source>
        <translation>Завантаження клієнтів…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="148"/>
        <source>No customers match “%1”.</source>
        <translation>Немає клієнтів за запитом «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="150"/>
        <source>No customers yet.</source>
        <translation>Клієнтів поки немає.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_list.py" line="157"/>
        <source>Search failed: %1</source>
        <translation>Пошук не вдався: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="457"/>
        <source>Switchboard can&apos;t open its database</source>
        <translation>Switchboard не може відкрити свою базу даних</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="465"/>
        <source>Try again</source>
        <translation>Спробувати ще раз</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="466"/>
        <source>Once the database server or the network is back.</source>
        <translation>Коли сервер бази даних або мережа знову доступні.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="471"/>
        <source>Change the database…</source>
        <translation>Змінити базу даних…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="473"/>
        <source>Enter another database URL or the server&apos;s password; they are saved (the password in the system keyring) and tried.</source>
        <translation>Введіть іншу URL-адресу бази даних або пароль сервера; їх буде збережено (пароль — у системному сховищі паролів) і перевірено.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="478"/>
        <source>Quit</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="487"/>
        <source>Database: %1</source>
        <translation>База даних: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="489"/>
        <source>Database: this computer&apos;s file, %1</source>
        <translation>База даних: файл цього комп’ютера, %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="498"/>
        <source>Opening the database…</source>
        <translation>Відкриття бази даних…</translation>
    </message>
</context>
<context>
    <name>DatabaseUrlDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="242"/>
        <source>Change the database</source>
        <translation>Змінити базу даних</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="253"/>
        <source>Empty: this computer&apos;s file, %1</source>
        <translation>Порожньо: файл цього комп’ютера, %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="258"/>
        <source>Empty: keep the saved one, if any</source>
        <translation>Порожньо: залишити збережений, якщо він є</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="262"/>
        <source>A team shares one PostgreSQL database: postgresql+psycopg://user@server/switchboard, its password in the field below (kept in the system keyring, never in the settings file). Leave the URL empty for this computer&apos;s own file.</source>
        <translation>Команда працює з однією базою PostgreSQL: postgresql+psycopg://user@server/switchboard, її пароль — у полі нижче (зберігається в системному сховищі паролів, ніколи не у файлі налаштувань). Залиште URL порожнім, щоб використовувати власний файл цього комп’ютера.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="269"/>
        <source>Saved in %1.</source>
        <translation>Зберігається в %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="273"/>
        <source>The settings file can&apos;t be read, so it is written anew with this database: the other settings start from their defaults (the copy keeps them as they were).</source>
        <translation>Файл налаштувань не читається, тому його буде записано заново з цією базою даних: інші налаштування почнуться зі значень за замовчуванням (у копії їх збережено попередніми).</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="283"/>
        <source>Save and try again</source>
        <translation>Зберегти й спробувати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="291"/>
        <source>Database URL:</source>
        <translation>URL бази даних:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="293"/>
        <source>Database password:</source>
        <translation>Пароль бази даних:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="312"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../../ui/calls/dialpad.py" line="71"/>
        <source>Number or SIP address</source>
        <translation>Номер або SIP-адреса</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialpad.py" line="78"/>
        <source>Call</source>
        <translation>Подзвонити</translation>
    </message>
</context>
<context>
    <name>EditCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="69"/>
        <source>Edit customer</source>
        <translation>Зміна клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="83"/>
        <source>comma-separated, e.g. wholesale, vip</source>
        <translation>через кому, наприклад: опт, vip</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="91"/>
        <source>Label</source>
        <translation>Позначка</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="101"/>
        <source>Add contact</source>
        <translation>Додати контакт</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="104"/>
        <source>Remove contact</source>
        <translation>Прибрати контакт</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="119"/>
        <source>Name:</source>
        <translation>Ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="120"/>
        <source>Company:</source>
        <translation>Компанія:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="121"/>
        <source>Owner:</source>
        <translation>Відповідальний:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="122"/>
        <source>Tags:</source>
        <translation>Мітки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="123"/>
        <source>Notes:</source>
        <translation>Нотатки:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="127"/>
        <source>Contacts:</source>
        <translation>Контакти:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="209"/>
        <source>Type the customer&apos;s name.</source>
        <translation>Введіть ім’я клієнта.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="229"/>
        <source>%1 already belongs to %2 (#%3). Remove it there first, or merge them.</source>
        <translation>%1 вже належить клієнту %2 (#%3). Спершу приберіть його там або об’єднайте клієнтів.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/edit_customer_dialog.py" line="235"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <location filename="../../ui/settings/email_page.py" line="116"/>
        <source>Add mailbox</source>
        <translation>Додати скриньку</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="119"/>
        <source>Remove mailbox…</source>
        <translation>Видалити скриньку…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="140"/>
        <source>Test IMAP</source>
        <translation>Перевірити IMAP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="143"/>
        <source>Connects, logs in and lists the folders (nothing is saved).</source>
        <translation>Підключається, входить і показує теки (нічого не зберігається).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="146"/>
        <source>Test SMTP</source>
        <translation>Перевірити SMTP</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="149"/>
        <source>Connects and logs in to the sending server; no mail is sent.</source>
        <translation>Підключається до сервера надсилання і входить; лист не надсилається.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="152"/>
        <source>Save mailbox</source>
        <translation>Зберегти скриньку</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="176"/>
        <source>Mailbox</source>
        <translation>Поштова скринька</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="179"/>
        <source>e.g. shop@example.com</source>
        <translation>наприклад, shop@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="182"/>
        <source>e.g. Flower Shop</source>
        <translation>наприклад, Квіткова крамниця</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="183"/>
        <source>The name customers see on the replies.</source>
        <translation>Ім’я, яке клієнти бачать у відповідях.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="186"/>
        <source>usually the address</source>
        <translation>зазвичай сама адреса</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="190"/>
        <source>same as the user name</source>
        <translation>як ім’я користувача</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="192"/>
        <source>Read and answer this mailbox</source>
        <translation>Читати цю скриньку й відповідати з неї</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="199"/>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="200"/>
        <source>Name on replies:</source>
        <translation>Ім’я у відповідях:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="201"/>
        <source>User name:</source>
        <translation>Ім’я користувача:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="202"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="203"/>
        <source>SMTP user name:</source>
        <translation>Ім’я користувача SMTP:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="204"/>
        <source>SMTP password:</source>
        <translation>Пароль SMTP:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="206"/>
        <source>Status:</source>
        <translation>Стан:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="215"/>
        <source>Kept in the system keyring, never in the database or the settings file. Leave it empty to keep the saved one.</source>
        <translation>Зберігається в системному сховищі паролів, ніколи в базі даних чи файлі налаштувань. Залиште порожнім, щоб лишити збережений.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="222"/>
        <source>Servers</source>
        <translation>Сервери</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="227"/>
        <source>optional</source>
        <translation>необов’язково</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="230"/>
        <source>Only for a server whose certificate the shop issued itself: the CA certificate (PEM) to trust besides the system&apos;s. Certificates are always checked.</source>
        <translation>Лише для сервера, сертифікат якого крамниця випустила сама: сертифікат ЦС (PEM), якому довіряти крім системних. Сертифікати перевіряються завжди.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="235"/>
        <source>Choose file…</source>
        <translation>Вибрати файл…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="241"/>
        <source>IMAP server (reading):</source>
        <translation>Сервер IMAP (читання):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="242"/>
        <source>SMTP server (sending):</source>
        <translation>Сервер SMTP (надсилання):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="243"/>
        <source>Own CA certificate:</source>
        <translation>Власний сертифікат ЦС:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="252"/>
        <source>e.g. imap.example.com</source>
        <translation>наприклад, imap.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="254"/>
        <source>e.g. smtp.example.com</source>
        <translation>наприклад, smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="259"/>
        <source>Empty: the usual port for the security chosen.</source>
        <translation>Порожньо: звичайний порт для обраного захисту.</translation>
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
        <translation>TLS: шифрування від самого початку (порти 993 і 465). STARTTLS: з’єднання захищається перед входом (порти 143 і 587); сервер, який цього не вміє, відхиляється.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="282"/>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="288"/>
        <source>Reading and replies</source>
        <translation>Читання і відповіді</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="292"/>
        <source>The folders read. “Test IMAP” lists the mailbox&apos;s folders here.</source>
        <translation>Теки, які читаються. «Перевірити IMAP» показує тут теки скриньки.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="298"/>
        <source>A copy of every reply is put there, as mail programs do.</source>
        <translation>Туди кладеться копія кожної відповіді, як це роблять поштові програми.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="303"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="305"/>
        <source>How old the mail read the first time may be; later, everything new is read.</source>
        <translation>Наскільки старі листи читаються першого разу; потім читається все нове.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="307"/>
        <source>Mark mail as read on the server</source>
        <translation>Позначати листи прочитаними на сервері</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="310"/>
        <source>Off: the mail stays unread for other mail programs reading this mailbox.</source>
        <translation>Вимкнено: для інших поштових програм, що читають цю скриньку, листи лишаються непрочитаними.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="316"/>
        <source>Under every reply from this mailbox</source>
        <translation>Під кожною відповіддю з цієї скриньки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="318"/>
        <source>Folders:</source>
        <translation>Теки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="319"/>
        <source>Sent folder:</source>
        <translation>Тека надісланих:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="320"/>
        <source>First sync reads:</source>
        <translation>Перша синхронізація:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="322"/>
        <source>Signature:</source>
        <translation>Підпис:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="335"/>
        <source>CA certificate</source>
        <translation>Сертифікат ЦС</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="337"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертифікати (*.pem *.crt *.cer);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="360"/>
        <source>Found by the server: %1</source>
        <translation>Визначена сервером: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="362"/>
        <source>Found by the server (the \Sent folder)</source>
        <translation>Визначається сервером (тека \Sent)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="411"/>
        <source>%1 (off)</source>
        <translation>%1 (вимкнена)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="432"/>
        <location filename="../../ui/settings/email_page.py" line="487"/>
        <source>not saved yet</source>
        <translation>ще не збережено</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="485"/>
        <location filename="../../ui/settings/email_page.py" line="490"/>
        <source>saved; leave empty to keep it</source>
        <translation>збережено; залиште порожнім, щоб не змінювати</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="492"/>
        <source>same as the password</source>
        <translation>як основний пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="565"/>
        <source>Mailbox “%1” saved.</source>
        <translation>Скриньку «%1» збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="569"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="577"/>
        <source>Remove mailbox</source>
        <translation>Видалити скриньку</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="579"/>
        <source>Remove the mailbox “%1”? Switchboard stops reading it and forgets its password; its conversations are removed, and the messages stay on the customers&apos; timelines. The mail on the server is not touched. To pause it instead, turn off “Read and answer this mailbox”.</source>
        <translation>Видалити скриньку «%1»? Switchboard перестане її читати й забуде її пароль; її розмови видаляються, а повідомлення лишаються в історії клієнтів. Листи на сервері не зачіпаються. Щоб лише призупинити її, вимкніть «Читати цю скриньку й відповідати з неї».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="601"/>
        <source>Mailbox “%1” removed.</source>
        <translation>Скриньку «%1» видалено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="647"/>
        <source>Connecting to the %1 server…</source>
        <translation>Підключення до сервера %1…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/email_page.py" line="677"/>
        <source>The SMTP server took the login. Replies can be sent.</source>
        <translation>Сервер SMTP прийняв вхід. Відповіді можна надсилати.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/email_page.py" line="692"/>
        <source>Logged in. %n folder(s) found: tick the ones to read.</source>
        <translation>
            <numerusform>Вхід виконано. Знайдено %n теку: позначте ті, що читати.</numerusform>
            <numerusform>Вхід виконано. Знайдено %n теки: позначте ті, що читати.</numerusform>
            <numerusform>Вхід виконано. Знайдено %n тек: позначте ті, що читати.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/conversations/files.py" line="71"/>
        <source>%1 could run a program when opened: save it and check it before opening.</source>
        <translation>%1 під час відкриття може запустити програму: збережіть файл і перевірте його, перш ніж відкривати.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="82"/>
        <source>Save file</source>
        <translation>Зберегти файл</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="90"/>
        <source>Saved to %1</source>
        <translation>Збережено в %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="97"/>
        <source>No program on this computer opens %1.</source>
        <translation>На цьому комп&apos;ютері немає програми, яка відкриває %1.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="108"/>
        <source>The file is no longer stored on this computer.</source>
        <translation>Цього файлу на комп&apos;ютері більше немає.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/files.py" line="113"/>
        <source>The file could not be copied: %1</source>
        <translation>Не вдалося скопіювати файл: %1</translation>
    </message>
</context>
<context>
    <name>ForwardingFields</name>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="31"/>
        <source>Never</source>
        <translation>Ніколи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="32"/>
        <source>Always</source>
        <translation>Завжди</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="33"/>
        <source>When Do not disturb is on</source>
        <translation>Коли ввімкнено «Не турбувати»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="34"/>
        <source>When not answered in</source>
        <translation>Якщо немає відповіді за</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="39"/>
        <source>This phone sends the caller on to the number (the PBX or the caller&apos;s phone calls it). Leave it at Never when your PBX forwards calls.</source>
        <translation>Цей телефон переадресовує абонента на номер (його набирає АТС або телефон абонента). Залиште «Ніколи», якщо переадресацію робить ваша АТС.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="46"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="49"/>
        <source>to a number, e.g. 2002 or +380441234567</source>
        <translation>на номер, наприклад 2002 або +380441234567</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="72"/>
        <source>Forwarding: say the number to forward calls to.</source>
        <translation>Переадресація: вкажіть номер, на який переадресовувати дзвінки.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/call_forwarding.py" line="74"/>
        <source>Forwarding: %1 is not a number or a SIP address.</source>
        <translation>Переадресація: %1 — не номер і не SIP-адреса.</translation>
    </message>
</context>
<context>
    <name>HomeProblemDialog</name>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="544"/>
        <source>Switchboard can&apos;t write to its folders</source>
        <translation>Switchboard не може записувати у свої теки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="547"/>
        <source>Switchboard keeps its database, call recordings and log there. Make the folder writable, or start Switchboard with SWITCHBOARD_HOME set to a folder you can write to; then start it again.</source>
        <translation>Там Switchboard зберігає свою базу даних, записи дзвінків і журнал. Дозвольте запис у теку або запустіть Switchboard із SWITCHBOARD_HOME, що вказує на теку, доступну для запису; потім запустіть його знову.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="553"/>
        <source>SWITCHBOARD_HOME is %1.</source>
        <translation>SWITCHBOARD_HOME: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/start_problem_dialog.py" line="554"/>
        <source>Quit</source>
        <translation>Вихід</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="78"/>
        <location filename="../../ui/customers/import_dialog.py" line="101"/>
        <source>Import customers</source>
        <translation>Імпорт клієнтів</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="80"/>
        <source>Contacts (*.csv *.txt *.vcf *.vcard);;All files (*)</source>
        <translation>Контакти (*.csv *.txt *.vcf *.vcard);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="113"/>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="118"/>
        <source>Automatic</source>
        <translation>Автоматично</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="120"/>
        <source>Choose the file&apos;s encoding if names look garbled, and it is read again</source>
        <translation>Оберіть кодування файлу, якщо імена виглядають як набір символів, і файл буде прочитано знову</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Column</source>
        <translation>Стовпець</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="134"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="146"/>
        <source>Import</source>
        <translation>Імпортувати</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="149"/>
        <source>Copy the problems</source>
        <translation>Скопіювати проблеми</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="152"/>
        <location filename="../../ui/customers/import_dialog.py" line="374"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="163"/>
        <source>Encoding:</source>
        <translation>Кодування:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="186"/>
        <source>Reading %1…</source>
        <translation>Читаємо %1…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="195"/>
        <source>Importing…</source>
        <translation>Імпорт…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="205"/>
        <source>note</source>
        <translation>зауваження</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="208"/>
        <source>The list is copied: paste it where you fix the file.</source>
        <translation>Список скопійовано: вставте його туди, де виправляєте файл.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="216"/>
        <source>Checking: %1 of %2 rows</source>
        <translation>Перевірка: %1 з %2 рядків</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="216"/>
        <source>Importing: %1 of %2</source>
        <translation>Імпорт: %1 з %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="237"/>
        <source>Import %1, skip %2</source>
        <translation>Імпортувати %1, пропустити %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="242"/>
        <source>Import %1</source>
        <translation>Імпортувати %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="254"/>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="254"/>
        <source>Import finished.</source>
        <translation>Імпорт завершено.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="272"/>
        <source>The import stopped.</source>
        <translation>Імпорт зупинено.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="275"/>
        <source>Customers imported before it stopped: %1. The others were not imported.</source>
        <translation>Клієнтів імпортовано до зупинки: %1. Решту не імпортовано.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="281"/>
        <source>The file can&apos;t be imported.</source>
        <translation>Цей файл не можна імпортувати.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="290"/>
        <source>%1 file, %2, records: %3</source>
        <translation>Файл %1, %2, записів: %3</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="299"/>
        <source>The file has no customers in it.</source>
        <translation>У файлі немає клієнтів.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="302"/>
        <source>Customers ready to import: %1.</source>
        <translation>Клієнтів готово до імпорту: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="307"/>
        <source>Problems: %1 (listed below). Rows that are fine: %2. Fix the file and import it again, or import the rows that are fine now and skip the rest.</source>
        <translation>Проблем: %1 (список нижче). Рядків без помилок: %2. Виправте файл та імпортуйте його знову або імпортуйте зараз рядки без помилок, пропустивши решту.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="315"/>
        <source>No row can be imported: see the problems below. Nothing was changed.</source>
        <translation>Жоден рядок не можна імпортувати: див. проблеми нижче. Нічого не змінено.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="319"/>
        <source>Notes: %1 (imported as described).</source>
        <translation>Зауважень: %1 (імпортується як описано).</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="325"/>
        <source>Columns not imported: %1.</source>
        <translation>Не імпортуються стовпці: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="335"/>
        <source>Customers imported before you cancelled: %1. The others were not imported.</source>
        <translation>Клієнтів імпортовано до скасування: %1. Решту не імпортовано.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="337"/>
        <source>Customers imported: %1.</source>
        <translation>Клієнтів імпортовано: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="340"/>
        <source>Rows skipped: %1 (see below).</source>
        <translation>Рядків пропущено: %1 (див. нижче).</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="351"/>
        <source>card %1 (line %2)</source>
        <translation>візитка %1 (рядок %2)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="352"/>
        <source>card %1</source>
        <translation>візитка %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="353"/>
        <source>line %1</source>
        <translation>рядок %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="353"/>
        <source>whole file</source>
        <translation>увесь файл</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="374"/>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="382"/>
        <source>Note: %1</source>
        <translation>Зауваження: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="392"/>
        <source>The first %1 of %2 are shown; Copy the problems copies them all.</source>
        <translation>Показано перші %1 з %2; «Скопіювати проблеми» копіює всі.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_dialog.py" line="410"/>
        <source>Cancelling after the current batch…</source>
        <translation>Скасовуємо після поточної порції…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="18"/>
        <source>Call</source>
        <translation>Дзвінок</translation>
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
        <translation>Пошта</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="23"/>
        <source>Web form</source>
        <translation>Вебформа</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="24"/>
        <source>Callback request</source>
        <translation>Заявка на дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="25"/>
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>incoming</source>
        <translation>вхідний</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="33"/>
        <source>outgoing</source>
        <translation>вихідний</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <source>internal</source>
        <translation>внутрішній</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="41"/>
        <source>ringing</source>
        <translation>дзвонить</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="42"/>
        <source>dialling</source>
        <translation>набір</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="43"/>
        <source>answered</source>
        <translation>прийнятий</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="44"/>
        <source>missed</source>
        <translation>пропущений</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="45"/>
        <source>rejected</source>
        <translation>відхилений</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="46"/>
        <source>busy</source>
        <translation>зайнято</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="47"/>
        <source>no answer</source>
        <translation>без відповіді</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="48"/>
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="49"/>
        <source>forwarded</source>
        <translation>переадресовано</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="50"/>
        <source>queued</source>
        <translation>у черзі</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="51"/>
        <source>sending</source>
        <translation>надсилається</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="52"/>
        <source>may not have been sent</source>
        <translation>можливо, не надіслано</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="55"/>
        <source>sent</source>
        <translation>надіслано</translation>
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
        <translation>отримано</translation>
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
        <translation>Лінія для вихідних дзвінків</translation>
    </message>
    <message>
        <location filename="../../ui/calls/line_picker.py" line="36"/>
        <source>The account outgoing calls go through</source>
        <translation>Обліковий запис, через який ідуть вихідні дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/calls/line_picker.py" line="38"/>
        <source>&amp;Line:</source>
        <translation>&amp;Лінія:</translation>
    </message>
</context>
<context>
    <name>LinkCustomerDialog</name>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="52"/>
        <source>Link to a customer</source>
        <translation>Прив&apos;язка до клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="59"/>
        <source>Whose chat is this? %1&apos;s messages move to the customer you pick.</source>
        <translation>Чий це чат? Повідомлення відправника %1 перейдуть до вибраного клієнта.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="66"/>
        <source>Name, company, phone or email</source>
        <translation>Ім&apos;я, компанія, телефон або email</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="77"/>
        <source>Link</source>
        <translation>Прив&apos;язати</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="106"/>
        <source>Type to search.</source>
        <translation>Почніть вводити для пошуку.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="128"/>
        <source>No customer matches.</source>
        <translation>Відповідних клієнтів немає.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="133"/>
        <source>The search failed: %1</source>
        <translation>Пошук не вдався: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/link_dialog.py" line="162"/>
        <source>Not linked: %1</source>
        <translation>Не прив&apos;язано: %1</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="201"/>
        <source>From:</source>
        <translation>Від:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="202"/>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="203"/>
        <source>Cc:</source>
        <translation>Копія:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="213"/>
        <source>Load remote images</source>
        <translation>Завантажити зовнішні зображення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="262"/>
        <source>(no subject)</source>
        <translation>(без теми)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="275"/>
        <source>This message has no formatted version.</source>
        <translation>Цей лист не має форматованої версії.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/mail_dialog.py" line="285"/>
        <source>%n remote image(s) blocked to protect your privacy (a sender can see when and where a message was read).</source>
        <translation>
            <numerusform>%n зовнішнє зображення заблоковано для вашої приватності (відправник може побачити, коли й де лист прочитали).</numerusform>
            <numerusform>%n зовнішні зображення заблоковано для вашої приватності (відправник може побачити, коли й де лист прочитали).</numerusform>
            <numerusform>%n зовнішніх зображень заблоковано для вашої приватності (відправник може побачити, коли й де лист прочитали).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_dialog.py" line="302"/>
        <source>Loading remote images…</source>
        <translation>Завантаження зовнішніх зображень…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/mail_dialog.py" line="318"/>
        <source>%1 of %n remote image(s) loaded.</source>
        <translation>
            <numerusform>Завантажено %1 з %n зовнішнього зображення.</numerusform>
            <numerusform>Завантажено %1 з %n зовнішніх зображень.</numerusform>
            <numerusform>Завантажено %1 з %n зовнішніх зображень.</numerusform>
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
        <translation>Копія</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="30"/>
        <source>Addresses, separated by commas</source>
        <translation>Адреси через кому</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="34"/>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/mail_fields.py" line="35"/>
        <source>Cc:</source>
        <translation>Копія:</translation>
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
        <translation>Зворотні дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="164"/>
        <location filename="../../ui/shell/main_window.py" line="640"/>
        <source>Chats</source>
        <translation>Чати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="181"/>
        <source>Do not disturb</source>
        <translation>Не турбувати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="185"/>
        <source>Incoming calls get busy and wait as callbacks. Call &gt; Do not disturb</source>
        <translation>Вхідні дзвінки отримують «зайнято» і чекають як передзвони. Дзвінок &gt; Не турбувати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="289"/>
        <source>&amp;Answer</source>
        <translation>&amp;Відповісти</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="290"/>
        <source>&amp;Hang up</source>
        <translation>&amp;Завершити</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="291"/>
        <source>H&amp;old / resume</source>
        <translation>&amp;Утримати / продовжити</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="292"/>
        <source>&amp;Mute / unmute</source>
        <translation>&amp;Мікрофон увімк./вимк.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="293"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Перевести…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="294"/>
        <source>Re&amp;cord / pause</source>
        <translation>&amp;Запис / пауза</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="296"/>
        <source>Con&amp;ference / split</source>
        <translation>&amp;Конференція / розділити</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="299"/>
        <source>&amp;Switch call</source>
        <translation>&amp;Перемкнути дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="301"/>
        <source>&amp;Redial</source>
        <translation>&amp;Повторити дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="303"/>
        <source>Do &amp;not disturb</source>
        <translation>&amp;Не турбувати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="306"/>
        <source>&amp;Dial a number</source>
        <translation>&amp;Набрати номер</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="309"/>
        <source>&amp;Find customer</source>
        <translation>&amp;Знайти клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="312"/>
        <source>&amp;Edit customer…</source>
        <translation>&amp;Змінити клієнта…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="315"/>
        <source>Call &amp;next callback</source>
        <translation>Зателефонувати за &amp;наступною заявкою</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="318"/>
        <source>&amp;Next waiting chat</source>
        <translation>&amp;Наступний чат, що чекає</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="321"/>
        <source>&amp;Go to the waiting chats</source>
        <translation>&amp;Перейти до чатів, що чекають</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="325"/>
        <source>&amp;Previous conversation</source>
        <translation>Поп&amp;ереднє листування</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="331"/>
        <source>Ne&amp;xt conversation</source>
        <translation>Нас&amp;тупне листування</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="337"/>
        <source>&amp;Reply</source>
        <translation>&amp;Відповісти</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="343"/>
        <source>&amp;Quick reply…</source>
        <translation>&amp;Швидка відповідь…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="349"/>
        <source>&amp;Attach a file…</source>
        <translation>Додати &amp;файл…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="354"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="357"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Гарячі клавіші</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="369"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="372"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ихід</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="377"/>
        <source>&amp;Call</source>
        <translation>&amp;Дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="394"/>
        <source>Call the &amp;demo line</source>
        <translation>Зателефонувати на &amp;демолінію</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="396"/>
        <source>A test phone on this computer that answers and echoes you</source>
        <translation>Тестовий телефон на цьому комп’ютері: відповідає й повторює ваш голос</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="399"/>
        <source>C&amp;ustomers</source>
        <translation>&amp;Клієнти</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="401"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Новий клієнт…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="407"/>
        <source>&amp;Import customers…</source>
        <translation>&amp;Імпорт клієнтів…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="409"/>
        <source>Customers from a CSV file or vCards (.vcf)</source>
        <translation>Клієнти з файлу CSV або візиток vCard (.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="413"/>
        <source>Call&amp;backs</source>
        <translation>&amp;Зворотні дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="415"/>
        <source>Ne&amp;w callback request…</source>
        <translation>Но&amp;ва заявка на зворотний дзвінок…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="421"/>
        <source>Callback &amp;queue</source>
        <translation>&amp;Черга зворотних дзвінків</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="425"/>
        <source>Callback &amp;report…</source>
        <translation>&amp;Звіт зі зворотних дзвінків…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="430"/>
        <source>Cha&amp;ts</source>
        <translation>&amp;Чати</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="435"/>
        <source>&amp;Waiting chats</source>
        <translation>Чати, що &amp;чекають</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="447"/>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="449"/>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Про Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="483"/>
        <source>A call from %1 was forwarded.</source>
        <translation>Дзвінок від %1 переадресовано.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="542"/>
        <source>There is no answered call to transfer.</source>
        <translation>Немає прийнятого дзвінка, який можна перевести.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="552"/>
        <source>There is no answered call to record.</source>
        <translation>Немає прийнятого дзвінка, який можна записати.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="566"/>
        <source>The phone could not do that (%1): %2</source>
        <translation>Телефон не зміг виконати команду (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="584"/>
        <source>Callbacks (%1)</source>
        <translation>Зворотні дзвінки (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="603"/>
        <source>Callback request #%1 saved.</source>
        <translation>Заявку на зворотний дзвінок №%1 збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="631"/>
        <source>Nobody else is waiting for a reply.</source>
        <translation>Більше ніхто не чекає на відповідь.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="642"/>
        <source>Chats (%1)</source>
        <translation>Чати (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="656"/>
        <source>Do not disturb: incoming calls get busy and wait as callbacks.</source>
        <translation>Не турбувати: вхідні дзвінки отримують «зайнято» і чекають як передзвони.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="658"/>
        <source>Do not disturb is off: calls ring again.</source>
        <translation>«Не турбувати» вимкнено: дзвінки знову дзвонять.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="718"/>
        <source>The database takes the call log&apos;s writes again.</source>
        <translation>База даних знову приймає записи журналу дзвінків.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="724"/>
        <source>The database refuses writes right now (busy or out of reach). Calls are kept and written as soon as it takes them.</source>
        <translation>База даних зараз не приймає записів (зайнята або недосяжна). Дзвінки збережено, їх буде записано, щойно вона їх прийме.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="739"/>
        <source>About Switchboard</source>
        <translation>Про Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="740"/>
        <source>Switchboard: calls, callbacks and messages of your customers in one window.</source>
        <translation>Switchboard: дзвінки, зворотні дзвінки та повідомлення ваших клієнтів в одному вікні.</translation>
    </message>
</context>
<context>
    <name>MessageKinds</name>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="14"/>
        <source>Message</source>
        <translation>Повідомлення</translation>
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
        <translation>Аудіо</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="18"/>
        <source>Voice message</source>
        <translation>Голосове повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="19"/>
        <source>Video</source>
        <translation>Відео</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="20"/>
        <source>Video message</source>
        <translation>Відеоповідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="21"/>
        <source>GIF</source>
        <translation>GIF</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="22"/>
        <source>Sticker</source>
        <translation>Стікер</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="23"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="24"/>
        <source>Location</source>
        <translation>Геопозиція</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="25"/>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/kind_text.py" line="26"/>
        <source>A message of a kind Switchboard can&apos;t show</source>
        <translation>Повідомлення, яке Switchboard не вміє показати</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message numerus="yes">
        <location filename="../../ui/conversations/message_list.py" line="221"/>
        <source>↓ %n new message(s)</source>
        <translation>
            <numerusform>↓ %n нове повідомлення</numerusform>
            <numerusform>↓ %n нові повідомлення</numerusform>
            <numerusform>↓ %n нових повідомлень</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="223"/>
        <source>↓ Latest messages</source>
        <translation>↓ До останніх повідомлень</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="272"/>
        <source>Copy text</source>
        <translation>Копіювати текст</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="274"/>
        <source>Reply</source>
        <translation>Відповісти</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="283"/>
        <source>Show quoted text</source>
        <translation>Показати цитату</translation>
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
        <translation>повторна спроба</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="208"/>
        <source>queued</source>
        <translation>у черзі</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="211"/>
        <source>sending…</source>
        <translation>надсилається…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="212"/>
        <source>✓ sent</source>
        <translation>✓ надіслано</translation>
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
        <translation>не надіслано</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="217"/>
        <source>may not have been sent</source>
        <translation>можливо, не надіслано</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="255"/>
        <source>Contact: %1</source>
        <translation>Контакт: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="265"/>
        <source>Location: %1</source>
        <translation>Місце: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="376"/>
        <source>Bot</source>
        <translation>Бот</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="406"/>
        <source>A message not in the history</source>
        <translation>Повідомлення, якого немає в історії</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="418"/>
        <source>The file could not be downloaded.</source>
        <translation>Файл не вдалося завантажити.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="445"/>
        <location filename="../../ui/conversations/message_list.py" line="293"/>
        <source>Resend</source>
        <translation>Надіслати знову</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="449"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="453"/>
        <source>edited</source>
        <translation>змінено</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="508"/>
        <source>Automatic reply</source>
        <translation>Автовідповідь</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="509"/>
        <source>Delivery failure report</source>
        <translation>Звіт про недоставку</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="510"/>
        <source>Mailing</source>
        <translation>Розсилка</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="521"/>
        <source>From: %1</source>
        <translation>Від: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="525"/>
        <source>To: %1</source>
        <translation>Кому: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="531"/>
        <source>Cc: %1</source>
        <translation>Копія: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="561"/>
        <location filename="../../ui/conversations/message_list.py" line="283"/>
        <source>Hide quoted text</source>
        <translation>Сховати цитату</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="563"/>
        <source>Show quoted text (%n lines)</source>
        <translation>Показати цитату (рядків: %n)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="570"/>
        <location filename="../../ui/conversations/message_list.py" line="289"/>
        <source>Formatted view</source>
        <translation>Форматований вигляд</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="575"/>
        <source>%n remote image(s) blocked</source>
        <translation>Заблоковано зовнішніх зображень: %n</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="616"/>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/bubbles.py" line="617"/>
        <source>Save as…</source>
        <translation>Зберегти як…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="295"/>
        <source>Cancel sending</source>
        <translation>Скасувати надсилання</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="303"/>
        <source>Open %1</source>
        <translation>Відкрити %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_list.py" line="311"/>
        <source>Save %1 as…</source>
        <translation>Зберегти %1 як…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_model.py" line="165"/>
        <source>Before editing:</source>
        <translation>До зміни:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/message_model.py" line="176"/>
        <source>The platform said: %1</source>
        <translation>Відповідь платформи: %1</translation>
    </message>
</context>
<context>
    <name>MessageNotifier</name>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="202"/>
        <source>New message</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="205"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/notifier.py" line="208"/>
        <source>New message from %1</source>
        <translation>Нове повідомлення від: %1</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="45"/>
        <source>New customer</source>
        <translation>Новий клієнт</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="56"/>
        <source>Name:</source>
        <translation>Ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="57"/>
        <source>Company:</source>
        <translation>Компанія:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="58"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/new_customer_dialog.py" line="68"/>
        <source>Type the customer&apos;s name.</source>
        <translation>Введіть ім’я клієнта.</translation>
    </message>
</context>
<context>
    <name>QuickReplyPicker</name>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="117"/>
        <source>Search quick replies by name or text</source>
        <translation>Пошук швидких відповідей за назвою або текстом</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="140"/>
        <source>↑ ↓ to choose · Enter to insert · Esc to close</source>
        <translation>↑ ↓ — вибрати · Enter — вставити · Esc — закрити</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="181"/>
        <source>All languages, not only %1</source>
        <translation>Усі мови, не лише %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="250"/>
        <source>No quick reply matches “%1”.</source>
        <translation>Немає швидких відповідей за запитом «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="252"/>
        <source>There are no quick replies for this conversation yet.</source>
        <translation>Для цієї розмови поки немає швидких відповідей.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/quick_replies.py" line="264"/>
        <source>The quick replies could not be read: %1</source>
        <translation>Не вдалося прочитати швидкі відповіді: %1</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="39"/>
        <source>The recording file is missing: %1</source>
        <translation>Файл запису не знайдено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="62"/>
        <source>Recordings can&apos;t be played here: %1</source>
        <translation>Записи тут не можна відтворити: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/recording_player.py" line="83"/>
        <source>The recording can&apos;t be played: %1</source>
        <translation>Запис не відтворюється: %1</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="58"/>
        <source>Your draft is kept. You can instead:</source>
        <translation>Чернетку збережено. Натомість можна:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="81"/>
        <source>This chat can&apos;t be written to.</source>
        <translation>У цей чат зараз не можна написати.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="90"/>
        <source>Write in %1 (%2)</source>
        <translation>Написати в %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="100"/>
        <source>Call %1</source>
        <translation>Зателефонувати %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/refusal_banner.py" line="104"/>
        <source>Request a callback</source>
        <translation>Замовити зворотний дзвінок</translation>
    </message>
</context>
<context>
    <name>RegistrationStatusBar</name>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="41"/>
        <source>registering…</source>
        <translation>реєстрація…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="42"/>
        <source>registered</source>
        <translation>зареєстровано</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="43"/>
        <source>not registered</source>
        <translation>не зареєстровано</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="44"/>
        <source>registration failed</source>
        <translation>помилка реєстрації</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration_status.py" line="75"/>
        <source>No SIP account configured (File &gt; Settings &gt; Accounts); Call &gt; Call the demo line tries a call</source>
        <translation>Немає SIP-облікового запису (Файл &gt; Налаштування &gt; SIP-облікові записи); пробний дзвінок: Дзвінок &gt; Зателефонувати на демолінію</translation>
    </message>
</context>
<context>
    <name>ReplyTextsForm</name>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="152"/>
        <source>{phone} is replaced by the number Switchboard will call back.</source>
        <translation>Замість {phone} підставляється номер, за яким Switchboard передзвонить.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="155"/>
        <source>Greeting:</source>
        <translation>Привітання:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="156"/>
        <source>Button:</source>
        <translation>Кнопка:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="157"/>
        <source>Confirmation:</source>
        <translation>Підтвердження:</translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="76"/>
        <location filename="../../ui/calls/screen_pop.py" line="85"/>
        <source>Incoming call</source>
        <translation>Вхідний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="179"/>
        <source>Looking up the caller…</source>
        <translation>Шукаємо абонента…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="101"/>
        <source>Last contacts:</source>
        <translation>Останні контакти:</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="108"/>
        <source>&amp;Answer</source>
        <translation>&amp;Відповісти</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="112"/>
        <source>&amp;Reject</source>
        <translation>В&amp;ідхилити</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="116"/>
        <source>&amp;Create customer</source>
        <translation>&amp;Створити клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="119"/>
        <source>&amp;Open card</source>
        <translation>Ві&amp;дкрити картку</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="198"/>
        <source>Unknown number</source>
        <translation>Номер приховано</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="213"/>
        <location filename="../../ui/calls/screen_pop.py" line="234"/>
        <source>Unknown caller</source>
        <translation>Невідомий абонент</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="214"/>
        <source>Not in your customers yet.</source>
        <translation>Поки немає серед ваших клієнтів.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="229"/>
        <source>No earlier contacts.</source>
        <translation>Раніше контактів не було.</translation>
    </message>
    <message>
        <location filename="../../ui/calls/screen_pop.py" line="236"/>
        <source>The customer lookup failed: %1</source>
        <translation>Не вдалося знайти клієнта: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="80"/>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="89"/>
        <source>SIP accounts</source>
        <translation>SIP-облікові записи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="90"/>
        <source>General</source>
        <translation>Загальні</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="92"/>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="94"/>
        <source>Callbacks</source>
        <translation>Зворотні дзвінки</translation>
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
        <translation>Пошта</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="125"/>
        <source>Add account</source>
        <translation>Додати обліковий запис</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="135"/>
        <source>same as the user name</source>
        <translation>як ім’я користувача</translation>
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
        <translation>необов’язково</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="152"/>
        <source>Verify the server&apos;s certificate</source>
        <translation>Перевіряти сертифікат сервера</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="156"/>
        <source>Checked against the system&apos;s trusted certificates. Turn it off only for a PBX with a self-signed certificate on your own network.</source>
        <translation>Перевіряється за довіреними сертифікатами системи. Вимикайте лише для АТС із самопідписаним сертифікатом у вашій власній мережі.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="163"/>
        <source>Off</source>
        <translation>Вимкнено</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="164"/>
        <source>If the other side can</source>
        <translation>Якщо співрозмовник підтримує</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="165"/>
        <source>Required</source>
        <translation>Обов&apos;язково</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="171"/>
        <source>In the audio (RFC 2833)</source>
        <translation>У звуковому потоці (RFC 2833)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="172"/>
        <source>SIP INFO</source>
        <translation>SIP INFO</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="177"/>
        <source>How the digits you press during a call reach the other side. Keep the default unless your PBX&apos;s voice menu does not react to them.</source>
        <translation>Як цифри, які ви натискаєте під час дзвінка, доходять до співрозмовника. Залиште типове, якщо голосове меню вашої АТС на них реагує.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="181"/>
        <source>Answer incoming calls at once (headset)</source>
        <translation>Відповідати на вхідні дзвінки одразу (гарнітура)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="184"/>
        <source>Only when no other call is on; a second call rings as usual.</source>
        <translation>Лише коли немає іншого дзвінка; другий дзвінок дзвонить як звичайно.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="189"/>
        <source>Only when I press Record</source>
        <translation>Лише коли я натискаю «Запис»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="190"/>
        <source>All calls</source>
        <translation>Усі дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="191"/>
        <source>Incoming calls</source>
        <translation>Вхідні дзвінки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="196"/>
        <source>Recorded from the moment the call is answered; you can still pause a part (a card number read out). Recordings stay on this computer.</source>
        <translation>Запис іде з моменту відповіді; частину розмови, як і раніше, можна поставити на паузу (наприклад, коли диктують номер картки). Записи зберігаються на цьому комп’ютері.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="201"/>
        <source>Beep when a recording starts (both sides hear it)</source>
        <translation>Сигнал на початку запису (чують обидві сторони)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="206"/>
        <source>A short tone tells the customer the call is recorded, where the law asks for it; played again when a paused recording resumes.</source>
        <translation>Короткий сигнал повідомляє клієнтові, що розмову записують, де цього вимагає закон; лунає знову, коли запис продовжується після паузи.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="212"/>
        <source>optional, e.g. stun.example.com:3478</source>
        <translation>необов&apos;язково, наприклад stun.example.com:3478</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="213"/>
        <source>Use ICE (NAT without a SIP proxy)</source>
        <translation>Використовувати ICE (NAT без SIP-проксі)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="215"/>
        <source>Use this account</source>
        <translation>Використовувати цей обліковий запис</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="220"/>
        <source>in the keyring</source>
        <translation>у сховищі паролів</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="223"/>
        <source>The password is kept in the system keyring, never in the database. Leave it empty to keep the saved one.</source>
        <translation>Пароль зберігається в системному сховищі паролів, а не в базі даних. Залиште поле порожнім, щоб зберегти попередній.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="228"/>
        <source>Name:</source>
        <translation>Ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="229"/>
        <source>User name:</source>
        <translation>Користувач:</translation>
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
        <translation>Логін авторизації:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="233"/>
        <source>Display name:</source>
        <translation>Ім’я для показу:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="234"/>
        <source>Registrar:</source>
        <translation>Реєстратор:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="235"/>
        <source>Outbound proxy:</source>
        <translation>Вихідний проксі:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="236"/>
        <source>Transport:</source>
        <translation>Транспорт:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="239"/>
        <source>Call encryption (SRTP):</source>
        <translation>Шифрування дзвінків (SRTP):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="240"/>
        <source>DTMF:</source>
        <translation>DTMF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="242"/>
        <source>Record calls:</source>
        <translation>Записувати дзвінки:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="244"/>
        <source>STUN server:</source>
        <translation>STUN-сервер:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="247"/>
        <source>Save account</source>
        <translation>Зберегти обліковий запис</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="350"/>
        <source>SIP over TLS is not available here: %1</source>
        <translation>SIP через TLS тут недоступний: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="353"/>
        <source>The Windows build of the phone engine has no TLS library: this account will most likely not register. Use UDP or TCP.</source>
        <translation>У збірці телефонного модуля для Windows немає бібліотеки TLS: цей акаунт, найімовірніше, не зареєструється. Використовуйте UDP або TCP.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="361"/>
        <source>Account “%1” saved.</source>
        <translation>Обліковий запис «%1» збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="380"/>
        <source>System language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="390"/>
        <source>Built-in file: %1</source>
        <translation>Вбудований файл: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="392"/>
        <source>Choose file…</source>
        <translation>Вибрати файл…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="401"/>
        <source>in the keyring, if the server needs one</source>
        <translation>у сховищі паролів, якщо потрібен</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="405"/>
        <source>The PostgreSQL server&apos;s password is kept in the system keyring, never in the settings file. Leave it empty to keep the saved one.</source>
        <translation>Пароль сервера PostgreSQL зберігається в системному сховищі паролів, ніколи не у файлі налаштувань. Залиште поле порожнім, щоб зберегти попередній.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="409"/>
        <source>Forget the saved password</source>
        <translation>Забути збережений пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="418"/>
        <source>Enter sends a message (Shift+Enter starts a new line)</source>
        <translation>Enter надсилає повідомлення (Shift+Enter — новий рядок)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="422"/>
        <source>Off: Enter starts a new line and Ctrl+Enter sends the message.</source>
        <translation>Вимкнено: Enter починає новий рядок, а Ctrl+Enter надсилає повідомлення.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="426"/>
        <source>Default phone region:</source>
        <translation>Регіон номерів за замовчуванням:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="427"/>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="428"/>
        <source>Database:</source>
        <translation>База даних:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="429"/>
        <source>Database password:</source>
        <translation>Пароль бази даних:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="430"/>
        <source>Your name:</source>
        <translation>Ваше ім’я:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="432"/>
        <source>Forward calls:</source>
        <translation>Переадресація:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="439"/>
        <source>A team shares one PostgreSQL database: enter its URL, e.g. postgresql+psycopg://user@server/switchboard, and its password (kept in the system keyring, not in the URL). Language and database changes apply after a restart.</source>
        <translation>Команда працює з однією базою PostgreSQL: введіть її URL, наприклад postgresql+psycopg://user@server/switchboard, і пароль (він зберігається в системному сховищі паролів, а не в URL). Зміна мови та бази даних набуває чинності після перезапуску.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="458"/>
        <source>Database file</source>
        <translation>Файл бази даних</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="460"/>
        <source>SQLite database (*.db)</source>
        <translation>База SQLite (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="540"/>
        <source>Settings saved.</source>
        <translation>Налаштування збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="547"/>
        <source>The password in the database URL was moved to the system keyring; the URL is saved without it.</source>
        <translation>Пароль з URL бази даних перенесено до системного сховища паролів; URL збережено без нього.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="502"/>
        <location filename="../../ui/settings/settings_dialog.py" line="558"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell/shell.py" line="163"/>
        <source>Phone engine unavailable: %1</source>
        <translation>Телефонний модуль недоступний: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_audio.py" line="148"/>
        <source>Audio unavailable: %1</source>
        <translation>Звук недоступний: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="248"/>
        <source>SIP accounts can&apos;t log in: %1</source>
        <translation>SIP-облікові записи не можуть увійти: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="265"/>
        <source>Phone engine did not start: %1</source>
        <translation>Телефонний модуль не запустився: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="296"/>
        <source>The phone engine is not running, so the demo line can&apos;t be called.</source>
        <translation>Телефонний модуль не запущено, демолінії не зателефонувати.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="319"/>
        <source>Switchboard demo line</source>
        <translation>Демолінія Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shell.py" line="324"/>
        <source>The demo line&apos;s customer could not be made: %1</source>
        <translation>Не вдалося створити клієнта демолінії: %1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="22"/>
        <source>Answer the ringing call</source>
        <translation>Відповісти на вхідний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="27"/>
        <source>Hang up (or decline a ringing call)</source>
        <translation>Завершити (або відхилити вхідний)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="30"/>
        <source>Hold or resume the active call</source>
        <translation>Утримати або продовжити активний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="33"/>
        <source>Mute or unmute the microphone</source>
        <translation>Вимкнути або увімкнути мікрофон</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="38"/>
        <source>Transfer the call (to a number or to the other call)</source>
        <translation>Перевести дзвінок (на номер або на інший дзвінок)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="45"/>
        <source>Record the call (then pause or resume the recording)</source>
        <translation>Записати дзвінок (потім пауза або продовження запису)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="50"/>
        <source>Join the two calls in a conference (or split them again)</source>
        <translation>Об’єднати два дзвінки в конференцію (або знову розділити)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="53"/>
        <source>Switch to the next call</source>
        <translation>Перемкнутися на наступний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="56"/>
        <source>Call the last number again</source>
        <translation>Зателефонувати на останній номер ще раз</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="61"/>
        <source>Do not disturb: incoming calls get busy</source>
        <translation>Не турбувати: вхідні дзвінки отримують «зайнято»</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="64"/>
        <source>Go to the dial field</source>
        <translation>Перейти до поля набору</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="66"/>
        <source>Search customers</source>
        <translation>Пошук клієнтів</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="67"/>
        <source>Edit the open customer</source>
        <translation>Змінити відкритого клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="71"/>
        <source>Call the most urgent callback request</source>
        <translation>Зателефонувати за найтерміновішою заявкою на зворотний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="76"/>
        <source>Open the chat that has waited longest for a reply</source>
        <translation>Відкрити чат, який найдовше чекає на відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="81"/>
        <source>Previous conversation of the open customer</source>
        <translation>Попереднє листування відкритого клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="86"/>
        <source>Next conversation of the open customer</source>
        <translation>Наступне листування відкритого клієнта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="91"/>
        <source>Reply: go to the message field</source>
        <translation>Відповісти: перейти до поля повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="96"/>
        <source>Insert a quick reply</source>
        <translation>Вставити швидку відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="101"/>
        <source>Attach a file to the message</source>
        <translation>Додати файл до повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="106"/>
        <source>Go to the waiting chats</source>
        <translation>Перейти до чатів, що чекають</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="108"/>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="109"/>
        <source>Show this list of shortcuts</source>
        <translation>Показати цей список клавіш</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="22"/>
        <source>Keyboard shortcuts</source>
        <translation>Гарячі клавіші</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="25"/>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcuts_dialog.py" line="25"/>
        <source>Keys</source>
        <translation>Клавіші</translation>
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
        <translation>Додати бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="210"/>
        <source>Remove bot…</source>
        <translation>Видалити бота…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="222"/>
        <source>e.g. Shop bot</source>
        <translation>напр. Бот крамниці</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="228"/>
        <source>The token @BotFather gave for the bot. It is kept in the system keyring, never in the database. Leave it empty to keep the saved one.</source>
        <translation>Токен, який @BotFather видав для бота. Він зберігається в системному сховищі паролів, а не в базі даних. Залиште поле порожнім, щоб зберегти попередній.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="237"/>
        <source>Leave it empty for Telegram&apos;s own server. A self-hosted telegram-bot-api server: its address, e.g. http://127.0.0.1:8081.</source>
        <translation>Залиште порожнім для сервера самого Telegram. Власний сервер telegram-bot-api: його адреса, напр. http://127.0.0.1:8081.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="241"/>
        <source>Read this bot&apos;s messages</source>
        <translation>Читати повідомлення цього бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="248"/>
        <source>Test</source>
        <translation>Перевірити</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="250"/>
        <source>Asks the server who the bot is (nothing is saved).</source>
        <translation>Запитує в сервера, що це за бот (нічого не зберігається).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="252"/>
        <source>Save bot</source>
        <translation>Зберегти бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="263"/>
        <source>Remove webhook…</source>
        <translation>Видалити вебхук…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="274"/>
        <source>Make a bot with @BotFather in Telegram and paste the token it gives. Customers find the bot by its @name; what they write to it appears here. A bot is read by one program at a time.</source>
        <translation>Створіть бота в @BotFather у Telegram і вставте виданий токен. Клієнти знаходять бота за його @іменем; те, що вони йому пишуть, з&apos;являється тут. Бота може читати лише одна програма.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="285"/>
        <source>Name:</source>
        <translation>Назва:</translation>
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
        <translation>Стан:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="304"/>
        <source>Automatic replies</source>
        <translation>Автоматичні відповіді</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="307"/>
        <source>Offer “Call me back” on /start and confirm the number</source>
        <translation>Пропонувати «Передзвоніть мені» на /start і підтверджувати номер</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="312"/>
        <source>A customer who starts the chat gets the greeting with a button that shares their phone number; the number becomes a callback request, and the bot confirms it. Off: the bot answers nothing by itself (a number a customer shares still becomes a callback request).</source>
        <translation>Клієнт, який почав чат, отримує привітання з кнопкою, що надсилає його номер телефону; номер стає заявкою на зворотний дзвінок, і бот її підтверджує. Вимкнено: бот сам нічого не відповідає (номер, яким поділився клієнт, однаково стає заявкою).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="329"/>
        <source>Default texts</source>
        <translation>Типові тексти</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="331"/>
        <source>Puts Switchboard&apos;s texts of the language shown back.</source>
        <translation>Повертає тексти Switchboard для показаної мови.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="334"/>
        <source>Customers in other languages get:</source>
        <translation>Клієнти іншими мовами отримують:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="408"/>
        <source>%1 (off)</source>
        <translation>%1 (вимкнено)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="422"/>
        <source>not saved yet</source>
        <translation>ще не збережено</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="446"/>
        <source>in the keyring; leave empty to keep it</source>
        <translation>у сховищі паролів; порожнє — не змінювати</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="448"/>
        <source>123456789:AAE… from @BotFather</source>
        <translation>123456789:AAE… від @BotFather</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="486"/>
        <source>Bot “%1” saved.</source>
        <translation>Бота «%1» збережено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="490"/>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="497"/>
        <source>Remove bot</source>
        <translation>Видалити бота</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="499"/>
        <source>Remove the bot “%1”? Switchboard stops reading it and forgets its token; its conversations are removed, and the messages stay on the customers&apos; timelines. To pause it instead, turn off “Read this bot&apos;s messages”.</source>
        <translation>Видалити бота «%1»? Switchboard перестане його читати й забуде його токен; його листування видаляються, а повідомлення лишаються в історії клієнтів. Щоб лише призупинити його, зніміть «Читати повідомлення цього бота».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="514"/>
        <source>Bot “%1” removed.</source>
        <translation>Бота «%1» видалено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="531"/>
        <source>Asking the server…</source>
        <translation>Запитуємо сервер…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="550"/>
        <source>Connected as @%1.</source>
        <translation>Підключено як @%1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="554"/>
        <source>A webhook is set (%1): Telegram sends this bot&apos;s messages there, so Switchboard can&apos;t read them until it is removed.</source>
        <translation>Встановлено вебхук (%1): Telegram надсилає повідомлення цього бота туди, і Switchboard не може їх читати, доки вебхук не видалено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="562"/>
        <source>Remove webhook</source>
        <translation>Видалити вебхук</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="564"/>
        <source>Remove the webhook %1? Telegram then stops sending this bot&apos;s messages there, and Switchboard reads them here, those waiting included. Whatever set the webhook (another program, a website) stops getting them.</source>
        <translation>Видалити вебхук %1? Тоді Telegram перестане надсилати туди повідомлення цього бота, і Switchboard читатиме їх тут, разом з тими, що очікують. Те, що встановило вебхук (інша програма, сайт), перестане їх отримувати.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="576"/>
        <source>Removing the webhook…</source>
        <translation>Видаляємо вебхук…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="589"/>
        <source>Webhook removed: Switchboard reads this bot&apos;s messages here, within a minute.</source>
        <translation>Вебхук видалено: протягом хвилини Switchboard почне читати повідомлення цього бота тут.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="652"/>
        <source>Enter the bot&apos;s token first.</source>
        <translation>Спершу введіть токен бота.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="657"/>
        <source>The server refused the token (%1): it was revoked or mistyped. Get the current one from @BotFather.</source>
        <translation>Сервер відхилив токен (%1): його відкликано або введено з помилкою. Отримайте чинний у @BotFather.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="662"/>
        <source>The server answered, but not as a Bot API server would (%1): check its address, or the token.</source>
        <translation>Сервер відповів, але не так, як сервер Bot API (%1): перевірте його адресу або токен.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="665"/>
        <source>The server refused: %1</source>
        <translation>Сервер відмовив: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/telegram_page.py" line="667"/>
        <source>The server can&apos;t be reached: %1</source>
        <translation>Сервер недоступний: %1</translation>
    </message>
</context>
<context>
    <name>TemplateFieldsDialog</name>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="42"/>
        <source>Fill in the quick reply</source>
        <translation>Заповніть швидку відповідь</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="58"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/template_fields_dialog.py" line="70"/>
        <source>Insert</source>
        <translation>Вставити</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="164"/>
        <source>All channels</source>
        <translation>Усі канали</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="168"/>
        <source>Timeline</source>
        <translation>Історія</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="208"/>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="302"/>
        <location filename="../../ui/customers/timeline_view.py" line="307"/>
        <source>recording</source>
        <translation>запис</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="313"/>
        <source>Double-click to play the recording</source>
        <translation>Двічі клацніть, щоб прослухати запис</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="315"/>
        <source>Double-click or press Enter to open the conversation here</source>
        <translation>Двічі клацніть або натисніть Enter, щоб відкрити листування на цьому повідомленні</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="323"/>
        <source>Nothing here yet.</source>
        <translation>Поки порожньо.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="433"/>
        <source>The timeline could not be loaded: %1</source>
        <translation>Не вдалося завантажити історію: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="475"/>
        <source>Play recording</source>
        <translation>Прослухати запис</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="477"/>
        <source>Stop playback</source>
        <translation>Зупинити</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="482"/>
        <source>■ Stop playback</source>
        <translation>■ Зупинити</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="486"/>
        <source>▶ Play recording</source>
        <translation>▶ Прослухати запис</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="490"/>
        <source>Play the selected call&apos;s recording</source>
        <translation>Прослухати запис вибраного дзвінка</translation>
    </message>
    <message>
        <location filename="../../ui/customers/timeline_view.py" line="492"/>
        <source>Select a call with a recording to play it</source>
        <translation>Виберіть дзвінок із записом, щоб прослухати його</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/shell/tray.py" line="173"/>
        <source>Show Switchboard</source>
        <translation>Показати Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="175"/>
        <source>Quit</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="249"/>
        <location filename="../../ui/shell/tray.py" line="261"/>
        <source>unknown number</source>
        <translation>прихованого номера</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="253"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="254"/>
        <source>Incoming call</source>
        <translation>Вхідний дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="262"/>
        <source>Missed call</source>
        <translation>Пропущений дзвінок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="262"/>
        <source>Missed call from %1</source>
        <translation>Пропущений дзвінок від %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="313"/>
        <source>No SIP account</source>
        <translation>Немає SIP-акаунта</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="314"/>
        <source>Registering…</source>
        <translation>Реєстрація…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="315"/>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <location filename="../../ui/shell/tray.py" line="316"/>
        <source>Not registered</source>
        <translation>Не зареєстровано</translation>
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
            <numerusform>%n непрочитане повідомлення</numerusform>
            <numerusform>%n непрочитані повідомлення</numerusform>
            <numerusform>%n непрочитаних повідомлень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/tray.py" line="328"/>
        <source>Switchboard: %n missed call(s)</source>
        <translation>
            <numerusform>Switchboard: %n пропущений дзвінок</numerusform>
            <numerusform>Switchboard: %n пропущені дзвінки</numerusform>
            <numerusform>Switchboard: %n пропущених дзвінків</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentWords</name>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="48"/>
        <source>Your unsent message</source>
        <translation>Ваше ненадіслане повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="52"/>
        <location filename="../../ui/conversations/unsent_words.py" line="101"/>
        <source>Copy text</source>
        <translation>Копіювати текст</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="55"/>
        <source>Dismiss</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="57"/>
        <source>Forget these words: they can&apos;t be sent any more</source>
        <translation>Забути цей текст: надіслати його вже не можна</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="77"/>
        <source>The chat “%1” was deleted in another window, with its customer, while you were writing: your message was not sent. Your words are kept here; copy them before you dismiss them.</source>
        <translation>Чат «%1» видалили в іншому вікні разом із клієнтом, поки ви писали: повідомлення не надіслано. Ваш текст збережено тут; скопіюйте його, перш ніж закрити.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="85"/>
        <source>Files that were attached: %1</source>
        <translation>Прикріплені файли: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/unsent_words.py" line="95"/>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="87"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 хв</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="89"/>
        <source>%1 min</source>
        <translation>%1 хв</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="93"/>
        <source>%1 h</source>
        <translation>%1 год</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="95"/>
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="101"/>
        <source>%1 d</source>
        <translation>%1 д</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="103"/>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 год</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="289"/>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="290"/>
        <source>Mine</source>
        <translation>Мої</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="291"/>
        <source>Unassigned</source>
        <translation>Без відповідального</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="297"/>
        <location filename="../../ui/conversations/waiting_list.py" line="446"/>
        <source>All channels</source>
        <translation>Усі канали</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="301"/>
        <source>&amp;Show:</source>
        <translation>&amp;Показати:</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="412"/>
        <source>The waiting chats could not be read: %1</source>
        <translation>Не вдалося прочитати чати, що чекають: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="487"/>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="490"/>
        <source>Nobody is waiting for a reply.</source>
        <translation>Ніхто не чекає на відповідь.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/waiting_list.py" line="492"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n чекає</numerusform>
            <numerusform>%n чекають</numerusform>
            <numerusform>%n чекають</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversations/waiting_list.py" line="497"/>
        <source>%n over %1 min</source>
        <translation>
            <numerusform>%n довше %1 хв</numerusform>
            <numerusform>%n довше %1 хв</numerusform>
            <numerusform>%n довше %1 хв</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="556"/>
        <source>&amp;Open</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="562"/>
        <source>&amp;Assign to me</source>
        <translation>&amp;Призначити на мене</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="566"/>
        <source>&amp;Unassign</source>
        <translation>&amp;Зняти призначення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="571"/>
        <source>&amp;Link to a customer…</source>
        <translation>Прив&apos;&amp;язати до клієнта…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="575"/>
        <source>&amp;Create customer…</source>
        <translation>&amp;Створити клієнта…</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="642"/>
        <source>The customer was made, but the chat is not linked: %1</source>
        <translation>Клієнта створено, але чат не прив&apos;язано: %1</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="138"/>
        <source>Waits</source>
        <translation>Чекає</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="139"/>
        <source>Customer</source>
        <translation>Клієнт</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="140"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="141"/>
        <source>Last message</source>
        <translation>Останнє повідомлення</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="142"/>
        <source>Unread</source>
        <translation>Непрочит.</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="143"/>
        <source>Assigned to</source>
        <translation>Відповідальний</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="194"/>
        <source>Waiting since %1</source>
        <translation>Чекає з %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversations/waiting_list.py" line="203"/>
        <source>Not linked to a customer yet (right-click to link)</source>
        <translation>Ще не прив&apos;язаний до клієнта (прив&apos;язати — правою кнопкою)</translation>
    </message>
</context>
<context>
    <name>WebFormPage</name>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="59"/>
        <source>Take callback requests from the website&apos;s form</source>
        <translation>Приймати заявки на зворотний дзвінок з форми сайту</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="65"/>
        <source>127.0.0.1: only this computer (a relay or proxy on it forwards the form).</source>
        <translation>127.0.0.1: лише цей комп&apos;ютер (форму сюди передає ретранслятор або проксі на ньому).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="74"/>
        <source>in the keyring; leave empty to keep it</source>
        <translation>у сховищі паролів; залиште порожнім, щоб зберегти</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="77"/>
        <source>The website sends this token with every request. It is kept in the system keyring and not shown again: copy it now. Generate a new one if it is lost.</source>
        <translation>Сайт надсилає цей токен з кожною заявкою. Він зберігається в системному сховищі паролів і більше не показується: скопіюйте його зараз. Якщо його втрачено, створіть новий.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="82"/>
        <source>Generate</source>
        <translation>Створити</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="94"/>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="98"/>
        <source>Try it (the website sends the same):</source>
        <translation>Перевірте (сайт надсилає те саме):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="103"/>
        <source>Only “phone” and “consent”: true are required. At 127.0.0.1 the form is reachable from this computer only; bringing the website&apos;s requests to it (HTTPS, a relay or a reverse proxy) is set up by the shop, not by Switchboard. Changes apply when you save.</source>
        <translation>Обов&apos;язкові лише «phone» і «consent»: true. На 127.0.0.1 форма доступна лише з цього комп&apos;ютера; доставку заявок із сайту (HTTPS, ретранслятор або зворотний проксі) налаштовує магазин, а не Switchboard. Зміни набувають чинності після збереження.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="115"/>
        <source>Address:</source>
        <translation>Адреса:</translation>
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
        <translation>Токен веб-форми має бути не коротшим за %1 символів.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/webform_page.py" line="158"/>
        <source>Generate a token for the web form before turning it on.</source>
        <translation>Створіть токен веб-форми, перш ніж вмикати її.</translation>
    </message>
</context>
<context>
    <name>WebFormService</name>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="95"/>
        <source>Web form: listening on %1:%2</source>
        <translation>Веб-форма: приймає заявки на %1:%2</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="102"/>
        <source>Web form not started: %1</source>
        <translation>Веб-форму не запущено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="111"/>
        <source>no token saved; generate one in Settings &gt; Web form.</source>
        <translation>токен не збережено; створіть його в Налаштування &gt; Веб-форма.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="113"/>
        <source>no keyring to read its token from (%1)</source>
        <translation>немає сховища паролів, звідки взяти токен (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="117"/>
        <source>port %1 is already in use.</source>
        <translation>порт %1 уже зайнятий.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="119"/>
        <source>%1 is not an address of this computer.</source>
        <translation>%1 — не адреса цього комп&apos;ютера.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/webform_service.py" line="121"/>
        <source>port %1 needs administrator rights; use one above 1024.</source>
        <translation>для порту %1 потрібні права адміністратора; використовуйте порт вище 1024.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../app/accounts.py" line="40"/>
        <source>A SIP account needs a user name and a domain.</source>
        <translation>Для SIP-облікового запису потрібні ім’я користувача й домен.</translation>
    </message>
    <message>
        <location filename="../../app/accounts.py" line="58"/>
        <source>SIP account #{account_id} no longer exists.</source>
        <translation>SIP-облікового запису №{account_id} більше немає.</translation>
    </message>
    <message>
        <location filename="../../app/attachments.py" line="143"/>
        <source>{name} is {size} MB; the limit is {limit} MB.</source>
        <translation>Файл {name} — {size} МБ; дозволено не більше {limit} МБ.</translation>
    </message>
    <message>
        <location filename="../../app/callback_report.py" line="111"/>
        <source>The report period ends before it starts.</source>
        <translation>Період звіту закінчується раніше, ніж починається.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="65"/>
        <source>The time to call back is already in the past.</source>
        <translation>Час зворотного дзвінка вже минув.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="69"/>
        <source>Callback #{request_id} is already done.</source>
        <translation>Зворотний дзвінок #{request_id} уже виконано.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="70"/>
        <source>Callback #{request_id} has already failed.</source>
        <translation>Зворотний дзвінок #{request_id} уже закрито: додзвонитися не вдалося.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="73"/>
        <source>Callback #{request_id} is already cancelled.</source>
        <translation>Зворотний дзвінок #{request_id} уже скасовано.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="354"/>
        <source>The preferred time is already in the past.</source>
        <translation>Бажаний час уже минув.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="358"/>
        <source>The preferred time window ends before it starts.</source>
        <translation>Бажаний проміжок часу закінчується раніше, ніж починається.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="414"/>
        <source>The id {external_id} was already used for a different request (callback #{request_id}); send a new id for a new request.</source>
        <translation>Ідентифікатор {external_id} уже використано для іншої заявки (зворотний дзвінок №{request_id}); для нової заявки надішліть новий ідентифікатор.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="540"/>
        <source>Callback #{request_id} is assigned to {operator}: reassign it to yourself to call it.</source>
        <translation>Зворотний дзвінок №{request_id} призначено операторові {operator}: щоб зателефонувати, призначте його собі.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="553"/>
        <source>Callback #{request_id} is being handled by {operator}.</source>
        <translation>Зворотним дзвінком #{request_id} зараз займається {operator}.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="573"/>
        <source>Callback #{request_id} is assigned to {operator}: only they can release it; you can reassign it.</source>
        <translation>Зворотний дзвінок №{request_id} призначено операторові {operator}: повернути його в чергу може лише він; ви можете призначити його іншому.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="605"/>
        <source>Callback #{request_id} is being called by {operator} right now: assign it when that call is over.</source>
        <translation>За зворотним дзвінком №{request_id} саме зараз телефонує {operator}: призначте його, коли цей дзвінок закінчиться.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="632"/>
        <source>The reason is too long: keep it under {limit} characters.</source>
        <translation>Причина задовга: не більше {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="644"/>
        <source>Callback #{request_id} is being called by {operator} right now: it can be cancelled when that call is over.</source>
        <translation>За зворотним дзвінком №{request_id} саме зараз телефонує {operator}: його можна скасувати, коли цей дзвінок закінчиться.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="726"/>
        <source>Say when to call back.</source>
        <translation>Вкажіть, коли передзвонити.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="846"/>
        <source>Set the operator&apos;s name in the settings before taking callbacks.</source>
        <translation>Перш ніж брати зворотні дзвінки, вкажіть ім&apos;я оператора в налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="856"/>
        <source>Say which operator to assign it to.</source>
        <translation>Вкажіть, якому операторові його призначити.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="859"/>
        <source>An operator&apos;s name is at most {limit} characters.</source>
        <translation>Ім’я оператора — не більше {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="899"/>
        <source>Callback #{request_id} does not exist.</source>
        <translation>Зворотний дзвінок #{request_id} не знайдено.</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="908"/>
        <source>Callback #{request_id} is already {status}.</source>
        <translation>Зворотний дзвінок #{request_id} уже має статус «{status}».</translation>
    </message>
    <message>
        <location filename="../../app/callbacks.py" line="948"/>
        <source>Callback #{request_id} is now handled by {operator}; your claim expired.</source>
        <translation>Зворотним дзвінком #{request_id} тепер займається {operator}: ваше бронювання минуло.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="43"/>
        <source>Unknown phone region {region!r}: use a two-letter country code.</source>
        <translation>Невідомий телефонний регіон {region!r}: вкажіть двобуквений код країни.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="73"/>
        <source>{value!r} is not a phone number: the country code is missing or unknown.</source>
        <translation>{value!r} — не номер телефону: код країни не вказано або він невідомий.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="77"/>
        <source>{value!r} is not a phone number: it is too short.</source>
        <translation>{value!r} — не номер телефону: надто короткий.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="79"/>
        <source>{value!r} is not a phone number: it is too long.</source>
        <translation>{value!r} — не номер телефону: надто довгий.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="81"/>
        <source>{value!r} is not a phone number.</source>
        <translation>{value!r} — не номер телефону.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="91"/>
        <source>The phone number is empty.</source>
        <translation>Номер телефону не вказано.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="98"/>
        <source>{value!r} is not a phone number: it has letters or symbols.</source>
        <translation>{value!r} — не номер телефону: у ньому є літери або символи.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="121"/>
        <source>{value!r} is not a possible phone number in region {region}.</source>
        <translation>{value!r} не може бути номером телефону в регіоні {region}.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="160"/>
        <source>Unknown dialling format {style!r}: one of {formats}.</source>
        <translation>Невідомий формат набору {style!r}: допустимі {formats}.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="197"/>
        <location filename="../../integrations/email/settings.py" line="129"/>
        <source>{value!r} is not an email address.</source>
        <translation>{value!r} — не адреса електронної пошти.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="205"/>
        <source>The {kind} id is empty.</source>
        <translation>Ідентифікатор {kind} не вказано.</translation>
    </message>
    <message>
        <location filename="../../app/contacts.py" line="208"/>
        <source>{value!r} is not a {kind} id: it contains spaces.</source>
        <translation>{value!r} — не ідентифікатор {kind}: у ньому є пробіли.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="56"/>
        <source>The {kind} {normalized} already belongs to customer #{owner_id} ({owner_name}).</source>
        <translation>{normalized} ({kind}) вже належить клієнту №{owner_id} ({owner_name}).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="86"/>
        <source>Contact #{contact_id} is no longer this customer&apos;s (changed elsewhere?).</source>
        <translation>Контакт №{contact_id} більше не належить цьому клієнту (змінено в іншому місці?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="94"/>
        <source>The customer&apos;s name is empty.</source>
        <translation>Не вказано ім’я клієнта.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="97"/>
        <source>The customer&apos;s name is longer than {limit} characters.</source>
        <translation>Ім’я клієнта довше за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="270"/>
        <source>Contact #{contact_id} does not exist (already removed?).</source>
        <translation>Контакт №{contact_id} не знайдено (вже видалено?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="284"/>
        <source>A customer can&apos;t be merged with itself.</source>
        <translation>Не можна об’єднати клієнта з самим собою.</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="378"/>
        <source>Customer #{customer_id} does not exist (deleted or merged?).</source>
        <translation>Клієнта №{customer_id} не знайдено (видалено чи об’єднано з іншим?).</translation>
    </message>
    <message>
        <location filename="../../app/customers.py" line="428"/>
        <source>The {kind} {normalized} was just added to another customer.</source>
        <translation>{normalized} ({kind}) щойно додали іншому клієнту.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="56"/>
        <source>The database is busy: another program is writing to it. Nothing was changed; try again.</source>
        <translation>База даних зайнята: до неї пише інша програма. Нічого не змінено; спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="60"/>
        <source>The database is not available right now ({error}). Nothing was changed; try again.</source>
        <translation>База даних зараз недоступна ({error}). Нічого не змінено; спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="234"/>
        <source>The table {table} of the database {url} holds several revisions ({revisions}); expected one.</source>
        <translation>У таблиці {table} бази даних {url} кілька версій схеми ({revisions}), а має бути одна.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="276"/>
        <source>The database {url} can&apos;t be reached: {error}</source>
        <translation>База даних {url} недоступна: {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="277"/>
        <source>The database {url} asks for a password, and none is saved for it ({error}). Enter it under “Change the database”: it is kept in the system keyring.</source>
        <translation>База даних {url} вимагає пароль, а збереженого пароля для неї немає ({error}). Введіть його в «Змінити базу даних»: він зберігається в системному сховищі паролів.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="282"/>
        <source>{url} is not a database file: {error}</source>
        <translation>{url} — не файл бази даних: {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="283"/>
        <source>The database {url} is not a Switchboard database: it holds other tables ({tables}) and no Switchboard revision. Nothing was changed; choose an empty database or the one Switchboard made.</source>
        <translation>База даних {url} — не база Switchboard: у ній інші таблиці ({tables}) і немає версії схеми Switchboard. Нічого не змінено; виберіть порожню базу або ту, яку створив Switchboard.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="289"/>
        <source>The database {url} was left half-made by an interrupted first start and already holds data ({tables}). Nothing was changed; restore it from a backup or choose another database.</source>
        <translation>База даних {url} лишилася недостворенною після перерваного першого запуску й уже містить дані ({tables}). Нічого не змінено; відновіть її з резервної копії або виберіть іншу базу.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="295"/>
        <source>The database {url} was upgraded by a newer Switchboard (revision {before}); this one knows revisions up to {head}. Update Switchboard to open it.</source>
        <translation>Базу даних {url} оновлено новішою версією Switchboard (версія схеми {before}); ця версія знає схеми до {head}. Оновіть Switchboard, щоб відкрити її.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="300"/>
        <source>The database {url} could not be set up (revision {revision}): {error}</source>
        <translation>Не вдалося підготувати базу даних {url} (версія схеми {revision}): {error}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="303"/>
        <source>The database {url} could not be upgraded from revision {before} to {revision}: {error}. Nothing was changed.</source>
        <translation>Не вдалося оновити базу даних {url} з версії схеми {before} до {revision}: {error}. Нічого не змінено.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="452"/>
        <source>The database URL is not usable: {error}</source>
        <translation>Не вдалося використати URL бази даних: {error}</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="178"/>
        <source>The file is not in {encoding}: line {line} has byte {byte}, which {encoding} does not allow.</source>
        <translation>Файл не в кодуванні {encoding}: у рядку {line} є байт {byte}, неприпустимий у {encoding}.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="182"/>
        <source>The file is marked as UTF-8 but line {line} has byte {byte}, which is not valid UTF-8. The file is damaged or was saved in two encodings.</source>
        <translation>Файл позначено як UTF-8, але в рядку {line} є байт {byte}, неприпустимий в UTF-8. Файл пошкоджено або збережено у двох кодуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="186"/>
        <source>The file is neither UTF-8 nor Windows-1251: as UTF-8 it breaks on line {utf8_line} (byte {utf8_byte}), and line {line} has byte {byte}, which Windows-1251 does not have. Save it as &quot;CSV UTF-8&quot; or choose its encoding.</source>
        <translation>Файл не в UTF-8 і не в Windows-1251: як UTF-8 він не читається з рядка {utf8_line} (байт {utf8_byte}), а в рядку {line} є байт {byte}, якого немає у Windows-1251. Збережіть його як «CSV UTF-8» або виберіть його кодування.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="190"/>
        <source>The file is not UTF-8 (line {line} has byte {byte}) and read as Windows-1251 it is not readable text. Save it as &quot;CSV UTF-8&quot; or choose its encoding.</source>
        <translation>Файл не в UTF-8 (у рядку {line} є байт {byte}), а у Windows-1251 він не читається як текст. Збережіть його як «CSV UTF-8» або виберіть його кодування.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="206"/>
        <source>Unknown encoding {encoding!r}.</source>
        <translation>Невідоме кодування {encoding!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_common.py" line="224"/>
        <source>The file starts as UTF-16 but is broken: {reason}.</source>
        <translation>Файл починається як UTF-16, але пошкоджений: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="96"/>
        <source>Line {line}: the header lacks a name column ({names}). Found: {found}.</source>
        <translation>Рядок {line}: у заголовку немає стовпця з ім’ям ({names}). Знайдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="99"/>
        <source>Line {line}: the header lacks a contact column ({contacts}). Found: {found}.</source>
        <translation>Рядок {line}: у заголовку немає стовпця з контактом ({contacts}). Знайдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="102"/>
        <source>Line {line}: the header lacks a name column ({names}) and a contact column ({contacts}). Found: {found}.</source>
        <translation>Рядок {line}: у заголовку немає стовпця з ім’ям ({names}) і стовпця з контактом ({contacts}). Знайдено: {found}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="106"/>
        <source>the row has {cells} cells but the header has {columns} (an unquoted delimiter inside a value?).</source>
        <translation>комірок у рядку: {cells}, а в заголовку: {columns} (роздільник усередині значення без лапок?).</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="159"/>
        <source>The file is empty or its first line (the header) is blank.</source>
        <translation>Файл порожній або його перший рядок (заголовок) порожній.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="167"/>
        <source>Line {line}: the header can&apos;t be read: {reason}.</source>
        <translation>Рядок {line}: заголовок не читається: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_csv.py" line="216"/>
        <source>Line {line}: the row can&apos;t be read: {reason}.</source>
        <translation>Рядок {line} не читається: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="157"/>
        <source>unknown CHARSET {charset!r}.</source>
        <translation>невідомий CHARSET {charset!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="161"/>
        <source>the value is not valid {charset}.</source>
        <translation>значення не в кодуванні {charset}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="169"/>
        <source>the value is neither UTF-8 nor Windows-1251 text.</source>
        <translation>значення не є текстом ні в UTF-8, ні в Windows-1251.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="181"/>
        <source>a QUOTED-PRINTABLE value has non-ASCII characters.</source>
        <translation>у значенні QUOTED-PRINTABLE є символи не з ASCII.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="185"/>
        <source>broken QUOTED-PRINTABLE (an &apos;=&apos; not followed by two hex digits).</source>
        <translation>пошкоджений QUOTED-PRINTABLE (після &apos;=&apos; немає двох шістнадцяткових цифр).</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="194"/>
        <source>broken BASE64.</source>
        <translation>пошкоджений BASE64.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="247"/>
        <source>unsupported vCard version {version!r}.</source>
        <translation>непідтримувана версія vCard {version!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="296"/>
        <source>The file holds no vCard (no BEGIN:VCARD line).</source>
        <translation>У файлі немає жодної vCard (немає рядка BEGIN:VCARD).</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="311"/>
        <source>the card has no END:VCARD before the next card.</source>
        <translation>у картки немає END:VCARD перед наступною карткою.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="320"/>
        <source>END:VCARD without BEGIN:VCARD.</source>
        <translation>END:VCARD без BEGIN:VCARD.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="330"/>
        <source>text outside any card: {text!r}.</source>
        <translation>текст поза картками: {text!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="338"/>
        <source>not a vCard property: {text!r}.</source>
        <translation>не властивість vCard: {text!r}.</translation>
    </message>
    <message>
        <location filename="../../app/import_vcard.py" line="347"/>
        <source>the file ends inside this card (no END:VCARD): truncated?</source>
        <translation>файл закінчується всередині цієї картки (немає END:VCARD): обрізаний?</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="68"/>
        <source>longer than {limit} characters.</source>
        <translation>довше за дозволене (максимум символів: {limit}).</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="69"/>
        <source>no phone, email or messenger: imported, but a second import of this file will create it again.</source>
        <translation>немає телефону, email чи месенджера: клієнта імпортовано, але повторний імпорт цього файлу створить його ще раз.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="73"/>
        <source>this row and the next {count} were not imported: a contact in them was just added by someone else. Import the file again to see which.</source>
        <translation>цей рядок і ще {count} після нього не імпортовано: контакт із них щойно додав хтось інший. Імпортуйте файл ще раз, щоб побачити, який.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="154"/>
        <source>{name} can&apos;t be read: {reason}.</source>
        <translation>Не вдається прочитати {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="289"/>
        <source>{value} is also on card {card} of this file.</source>
        <translation>{value} є також у картці {card} цього файлу.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="294"/>
        <source>{value} is also on line {other_line} of this file.</source>
        <translation>{value} є також у рядку {other_line} цього файлу.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="308"/>
        <source>no name: saved as {name!r}.</source>
        <translation>немає імені: збережено під іменем {name!r}.</translation>
    </message>
    <message>
        <location filename="../../app/importers.py" line="317"/>
        <source>neither a name nor a contact: nothing to import.</source>
        <translation>немає ні імені, ні контакту: імпортувати нічого.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="74"/>
        <source>Only a PostgreSQL server takes a password; a SQLite file has none. Leave the password empty, or enter the server&apos;s URL.</source>
        <translation>Пароль буває лише в сервера PostgreSQL; у файлу SQLite його немає. Залиште пароль порожнім або введіть URL сервера.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="79"/>
        <source>The database URL holds one password and the password field another: keep only one.</source>
        <translation>В URL бази даних один пароль, а в полі пароля — інший: залиште лише один.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="129"/>
        <source>No password store (keyring) is available, so passwords and tokens can&apos;t be saved. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet) in your desktop session; on Windows the Credential Manager is used automatically.</source>
        <translation>Немає сховища паролів (keyring), тож паролі й токени не можна зберегти. У Linux установіть і розблокуйте Secret Service (GNOME Keyring або KWallet) у своєму сеансі робочого столу; у Windows автоматично використовується диспетчер облікових даних.</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="181"/>
        <source>The password store refused the password: {error}</source>
        <translation>Сховище паролів не прийняло пароль: {error}</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="194"/>
        <source>The password store could not be read: {error}</source>
        <translation>Не вдалося прочитати сховище паролів: {error}</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="211"/>
        <source>The password store could not delete the password: {error}</source>
        <translation>Не вдалося видалити пароль зі сховища паролів: {error}</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="95"/>
        <source>The folder {path} can&apos;t be created: {error}.</source>
        <translation>Не вдається створити теку {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="96"/>
        <source>The folder {path} can&apos;t be written: {error}.</source>
        <translation>Не можна записати в теку {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="97"/>
        <source>The log file {path} can&apos;t be written: {error}.</source>
        <translation>Не можна записати у файл журналу {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="139"/>
        <source>The setting {name} has a value of the wrong kind: {value!r}.</source>
        <translation>Налаштування {name} має значення не того типу: {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="247"/>
        <source>working_hours keys are weekdays 0-6, not {key!r}.</source>
        <translation>Ключі working_hours — дні тижня від 0 до 6, а не {key!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="306"/>
        <source>forward_mode is one of {modes}, not {value!r}.</source>
        <translation>forward_mode — одне з {modes}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="311"/>
        <source>Say the number to forward calls to.</source>
        <translation>Вкажіть номер, на який переадресовувати дзвінки.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="314"/>
        <source>Calls ring {low} to {high} seconds before they are forwarded.</source>
        <translation>Перед переадресацією дзвінок лунає від {low} до {high} секунд.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="339"/>
        <source>callback_sla_minutes must be between 1 minute and a week.</source>
        <translation>Значення callback_sla_minutes має бути від 1 хвилини до тижня.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="347"/>
        <source>callback_claim_minutes must be between 1 minute and a day.</source>
        <translation>Значення callback_claim_minutes має бути від 1 хвилини до доби.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="355"/>
        <source>waiting_amber_minutes must be between 1 minute and a day.</source>
        <translation>Значення waiting_amber_minutes має бути від 1 хвилини до доби.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="361"/>
        <source>waiting_red_minutes must be more than waiting_amber_minutes ({amber}) and at most a week.</source>
        <translation>Значення waiting_red_minutes має бути більшим за waiting_amber_minutes ({amber}) і не більшим за тиждень.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="372"/>
        <source>dial_format must be one of {choices}, not {value!r}.</source>
        <translation>Значення dial_format має бути одним із: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="380"/>
        <source>unknown_sender must be one of {choices}, not {value!r}.</source>
        <translation>Значення unknown_sender має бути одним із: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="390"/>
        <source>ring_tone must be one of {choices}, not {value!r}.</source>
        <translation>Значення ring_tone має бути одним із: {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="398"/>
        <source>codecs must name at least one codec: calls need one.</source>
        <translation>codecs має називати хоча б один кодек: без нього дзвінки неможливі.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="403"/>
        <source>codecs must be some of {choices}, not {value!r}.</source>
        <translation>codecs може містити лише {choices}, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="408"/>
        <source>codecs names a codec twice.</source>
        <translation>codecs називає один кодек двічі.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="413"/>
        <source>webform_port must be between 1 and 65535, not {value}.</source>
        <translation>Значення webform_port має бути від 1 до 65535, а не {value}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="423"/>
        <source>webform_bind must be an IPv4 address such as 127.0.0.1, not {value!r}.</source>
        <translation>Значення webform_bind має бути IPv4-адресою, наприклад 127.0.0.1, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="514"/>
        <source>The settings file {path} can&apos;t be read: {error}.</source>
        <translation>Не вдається прочитати файл налаштувань {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="515"/>
        <source>The settings file {path} is not UTF-8 text (byte {position} is not).</source>
        <translation>Файл налаштувань {path} — не текст в UTF-8 (байт {position} не підходить).</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="518"/>
        <source>The settings file {path} is not valid JSON: {error} at line {line}, column {column}.</source>
        <translation>Файл налаштувань {path} — некоректний JSON: {error} у рядку {line}, стовпці {column}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="521"/>
        <source>The settings file {path} can&apos;t be read as JSON: {error}.</source>
        <translation>Файл налаштувань {path} не читається як JSON: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="524"/>
        <source>The settings file {path} holds JSON, but not an object of settings.</source>
        <translation>Файл налаштувань {path} містить JSON, але не об’єкт із налаштуваннями.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="527"/>
        <source>In the settings file {path}, database_url is {value}: not a database URL.</source>
        <translation>У файлі налаштувань {path} database_url дорівнює {value}: це не URL бази даних.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="594"/>
        <source>{url!r} is not a database URL. A team database looks like postgresql+psycopg://user@server/switchboard, a file like sqlite:///path/to/file.db.</source>
        <translation>{url!r} — не URL бази даних. Спільна база команди має вигляд postgresql+psycopg://user@server/switchboard, файл — sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="599"/>
        <source>Switchboard works with PostgreSQL (postgresql://…) or a SQLite file (sqlite:///…), not {scheme}.</source>
        <translation>Switchboard працює з PostgreSQL (postgresql://…) або файлом SQLite (sqlite:///…), але не з {scheme}.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="604"/>
        <source>The SQLite URL names no file: write it as sqlite:///path/to/file.db.</source>
        <translation>В URL SQLite не вказано файл: запишіть його як sqlite:///path/to/file.db.</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="607"/>
        <source>The database URL holds a password. config.json keeps no secrets (passwords belong in the system keyring): enter the URL without it, e.g. postgresql+psycopg://user@server/db.</source>
        <translation>В URL бази даних є пароль. config.json не зберігає секретів (паролі — у системному сховищі паролів): вкажіть URL без нього, наприклад postgresql+psycopg://user@server/db.</translation>
    </message>
    <message>
        <location filename="../../app/timeline.py" line="512"/>
        <source>Interaction #{interaction_id} does not exist.</source>
        <translation>Подію історії №{interaction_id} не знайдено.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="32"/>
        <source>The working hours have no open time in the coming year.</source>
        <translation>У графіку роботи немає робочого часу на найближчий рік.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="40"/>
        <source>Unknown time zone {name!r}.</source>
        <translation>Невідомий часовий пояс {name!r}.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="51"/>
        <source>{text!r} is not a shift like 09:00-18:00.</source>
        <translation>{text!r} — не зміна на зразок 09:00-18:00.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="55"/>
        <source>The shift {text!r} starts and ends at the same time.</source>
        <translation>Зміна {text!r} починається й закінчується в один і той самий час.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="80"/>
        <source>Weekday {day} is not 0 (Monday) to 6 (Sunday).</source>
        <translation>День тижня {day} має бути від 0 (понеділок) до 6 (неділя).</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="90"/>
        <source>The holiday {value!r} is not a date like 2026-01-01.</source>
        <translation>Святковий день {value!r} — не дата на зразок 2026-01-01.</translation>
    </message>
    <message>
        <location filename="../../app/working_hours.py" line="164"/>
        <source>Retry step {step!r} is not like 15m, 1h, 2d or next_day.</source>
        <translation>Крок повтору {step!r} має бути на зразок 15m, 1h, 2d або next_day.</translation>
    </message>
    <message>
        <location filename="../../app/conversations.py" line="236"/>
        <source>This chat belongs to {owner} (customer #{owner_id}) already; merge the two customers instead.</source>
        <translation>Цей чат уже належить клієнту {owner} (№{owner_id}); натомість об&apos;єднайте двох клієнтів.</translation>
    </message>
    <message>
        <location filename="../../app/conversations.py" line="287"/>
        <source>Conversation #{conversation_id} does not exist.</source>
        <translation>Листування №{conversation_id} не знайдено.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="84"/>
        <source>This chat can&apos;t be written to: {reason}</source>
        <translation>У цей чат писати не можна: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="85"/>
        <source>This chat can&apos;t be written to: the platform doesn&apos;t allow it now.</source>
        <translation>У цей чат писати не можна: платформа зараз цього не дозволяє.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="88"/>
        <source>Message #{message_id} is being sent already.</source>
        <translation>Повідомлення №{message_id} вже надсилається.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="89"/>
        <source>Message #{message_id} was sent already.</source>
        <translation>Повідомлення №{message_id} вже надіслано.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="170"/>
        <source>Write a message or attach a file before sending.</source>
        <translation>Перед надсиланням напишіть повідомлення або додайте файл.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="363"/>
        <source>Message #{message_id} is being sent already; it can&apos;t be cancelled.</source>
        <translation>Повідомлення №{message_id} вже надсилається; скасувати його не можна.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="373"/>
        <source>Message #{message_id} is not waiting to be sent.</source>
        <translation>Повідомлення №{message_id} не чекає на надсилання.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="693"/>
        <source>Message #{message_id} does not exist.</source>
        <translation>Повідомлення №{message_id} не знайдено.</translation>
    </message>
    <message>
        <location filename="../../app/outbox.py" line="734"/>
        <source>Set the operator&apos;s name in the settings before sending messages.</source>
        <translation>Перш ніж надсилати повідомлення, вкажіть ім&apos;я оператора в налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="73"/>
        <source>Fill in the field {field!r} before sending.</source>
        <translation>Перед надсиланням заповніть поле {field!r}.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="119"/>
        <source>The brace at line {line}, character {column} has no partner (a field is a name in braces on one line; a brace itself is written twice).</source>
        <translation>Фігурна дужка в рядку {line}, символ {column}, не має пари (поле — це назва у фігурних дужках в одному рядку; саму дужку пишуть двічі).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="129"/>
        <source>The field at line {line}, character {column} has no name.</source>
        <translation>Поле в рядку {line}, символ {column}, не має назви.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="136"/>
        <source>The field at line {line}, character {column} is longer than {limit} characters: is a closing brace missing?</source>
        <translation>Поле в рядку {line}, символ {column}, довше за {limit} символів: чи не пропущено закривальну дужку?</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="210"/>
        <source>The template&apos;s name is empty.</source>
        <translation>Шаблон не має назви.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="213"/>
        <source>The template&apos;s name is longer than {limit} characters.</source>
        <translation>Назва шаблону довша за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="222"/>
        <source>The template&apos;s text is empty.</source>
        <translation>Текст шаблону порожній.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="225"/>
        <source>The template&apos;s text is longer than {limit} characters.</source>
        <translation>Текст шаблону довший за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="237"/>
        <source>{language!r} is not a language code (such as en, ru or uk).</source>
        <translation>{language!r} — не код мови (наприклад, en, ru чи uk).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="253"/>
        <source>{channel!r} is not a channel Switchboard knows.</source>
        <translation>{channel!r} — канал, якого Switchboard не знає.</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="362"/>
        <source>Template #{template_id} does not exist (deleted elsewhere?).</source>
        <translation>Шаблон №{template_id} не знайдено (видалено деінде?).</translation>
    </message>
    <message>
        <location filename="../../app/templates.py" line="379"/>
        <source>A template named {name!r} exists already in this language.</source>
        <translation>Шаблон із назвою {name!r} цією мовою вже є.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="44"/>
        <source>The bot was removed in Settings.</source>
        <translation>Бота видалено в Налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="45"/>
        <source>The mailbox was removed in Settings.</source>
        <translation>Поштову скриньку видалено в Налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="92"/>
        <source>A bot&apos;s name can be at most {limit} characters long.</source>
        <translation>Назва бота може бути не довшою за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="98"/>
        <source>Enter the bot&apos;s token (BotFather gives it).</source>
        <translation>Введіть токен бота (його видає BotFather).</translation>
    </message>
    <message>
        <location filename="../../app/bot_replies.py" line="200"/>
        <location filename="../../app/channel_accounts.py" line="108"/>
        <source>Bot #{account_id} no longer exists.</source>
        <translation>Бота №{account_id} більше немає.</translation>
    </message>
    <message>
        <location filename="../../app/channel_accounts.py" line="206"/>
        <source>This bot is saved already, as “{label}”: a bot can be read by one account only.</source>
        <translation>Цього бота вже збережено як «{label}»: бота може читати лише один обліковий запис.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="45"/>
        <source>The bot token contains spaces or line breaks; paste it again.</source>
        <translation>У токені бота є пробіли або переноси рядків; вставте його знову.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="51"/>
        <source>This is not a bot token: BotFather&apos;s tokens look like 123456789:AAE... (digits, a colon, then letters, digits, - and _).</source>
        <translation>Це не токен бота: токени BotFather мають вигляд 123456789:AAE... (цифри, двокрапка, далі літери, цифри, - і _).</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="74"/>
        <source>The Bot API server address holds a secret (a bot token or a password): enter only the server here (such as https://api.telegram.org), and the token in its own field.</source>
        <translation>В адресі сервера Bot API є секрет (токен бота або пароль): вкажіть тут лише сервер (наприклад, https://api.telegram.org), а токен — у його власному полі.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="86"/>
        <source>The Bot API server address {address!r} is not a URL: {error}.</source>
        <translation>Адреса сервера Bot API {address!r} — не URL: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="94"/>
        <source>The Bot API server address {address!r} must start with https:// (or http:// for a server on this computer or the shop&apos;s network).</source>
        <translation>Адреса сервера Bot API {address!r} має починатися з https:// (або http:// для сервера на цьому комп&apos;ютері чи в мережі крамниці).</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="102"/>
        <source>The Bot API server address {address!r} is not a base address.</source>
        <translation>Адреса сервера Bot API {address!r} — не базова адреса.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="200"/>
        <source>The bot has no texts in the language {language!r}.</source>
        <translation>Бот не має текстів мовою {language!r}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="215"/>
        <source>The greeting in {language} is empty.</source>
        <translation>Привітання ({language}) порожнє.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="219"/>
        <source>The greeting in {language} is longer than {limit} characters.</source>
        <translation>Привітання ({language}) довше за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="227"/>
        <source>The button&apos;s text in {language} must be one line of 1 to {limit} characters.</source>
        <translation>Текст кнопки ({language}) має бути одним рядком від 1 до {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="236"/>
        <source>The confirmation in {language} is empty.</source>
        <translation>Підтвердження ({language}) порожнє.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="243"/>
        <source>The confirmation in {language} can hold only {{phone}}, the number we will call; write {{{{ and }}}} for a brace.</source>
        <translation>У підтвердженні ({language}) може бути лише {{phone}} — номер, за яким ми передзвонимо; фігурну дужку пишіть як {{{{ або }}}}.</translation>
    </message>
    <message>
        <location filename="../../app/channel_settings.py" line="252"/>
        <source>The confirmation in {language} is longer than {limit} characters.</source>
        <translation>Підтвердження ({language}) довше за {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/drafts.py" line="70"/>
        <source>The draft could not be saved in {path}: {error}.</source>
        <translation>Не вдалося зберегти чернетку в {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="71"/>
        <source>The customer has blocked the bot. Messages reach them again once they write to it.</source>
        <translation>Клієнт заблокував бота. Повідомлення знову доходитимуть, коли клієнт напише боту.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="75"/>
        <source>The bot can&apos;t write first: the customer has to write to it once.</source>
        <translation>Бот не може написати першим: клієнт має спершу написати йому.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="78"/>
        <source>The platform doesn&apos;t know this chat any more; it may have been deleted.</source>
        <translation>Платформа більше не знає цього чату; можливо, його видалено.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="81"/>
        <source>The customer&apos;s account on the platform was deleted.</source>
        <translation>Обліковий запис клієнта на платформі видалено.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="84"/>
        <source>The bot may not write to this chat: it was removed or has no rights there.</source>
        <translation>Бот не може писати в цей чат: його видалили або він не має прав.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="87"/>
        <source>The 24 hours for answering have passed: only an approved template can be sent until the customer writes again.</source>
        <translation>24 години на відповідь минули: доки клієнт не напише знову, можна надіслати лише схвалений шаблон.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="92"/>
        <source>The account {account} is switched off in Settings.</source>
        <translation>Обліковий запис {account} вимкнено в налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="96"/>
        <source>The platform doesn&apos;t let us write to this chat: {reason}</source>
        <translation>Платформа не дозволяє писати в цей чат: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="97"/>
        <source>The platform doesn&apos;t let us write to this chat now.</source>
        <translation>Платформа зараз не дозволяє писати в цей чат.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="99"/>
        <source>The platform refused the account&apos;s token: check the account in Settings.</source>
        <translation>Платформа відхилила токен облікового запису: перевірте його в налаштуваннях.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="102"/>
        <source>The message or one of its files is too large for the platform.</source>
        <translation>Повідомлення або один із його файлів завеликий для платформи.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="105"/>
        <source>The platform could not be reached; gave up after {attempts} tries.</source>
        <translation>Платформа недоступна; надсилання припинено після спроб: {attempts}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="108"/>
        <source>The platform kept asking to wait; gave up after {attempts} tries.</source>
        <translation>Платформа весь час просила зачекати; надсилання припинено після спроб: {attempts}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="111"/>
        <source>The platform refused the message: {reason}</source>
        <translation>Платформа відхилила повідомлення: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="112"/>
        <source>The platform refused the message.</source>
        <translation>Платформа відхилила повідомлення.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="113"/>
        <source>Cancelled by {operator}.</source>
        <translation>Скасовано оператором {operator}.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="114"/>
        <source>The platform can&apos;t be reached right now; trying again.</source>
        <translation>Платформа зараз недоступна; пробуємо ще раз.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="117"/>
        <source>The platform asked us to wait; trying again.</source>
        <translation>Платформа попросила зачекати; пробуємо ще раз.</translation>
    </message>
    <message>
        <location filename="../../app/refusals.py" line="118"/>
        <source>It may not have been sent: the platform did not answer. Look in the chat before sending it again.</source>
        <translation>Можливо, повідомлення не надіслано: платформа не відповіла. Перегляньте чат, перш ніж надсилати його знову.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="72"/>
        <source>The CA certificate file {value!r} can&apos;t be read.</source>
        <translation>Файл сертифіката ЦС {value!r} не читається.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="56"/>
        <source>The {protocol} port {value!r} is not a port number (1 to 65535).</source>
        <translation>Порт {protocol} {value!r} не є номером порту (від 1 до 65535).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="43"/>
        <source>Enter the mailbox&apos;s password first.</source>
        <translation>Спершу введіть пароль скриньки.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="140"/>
        <source>Enter the mailbox&apos;s password: it is kept in the keyring.</source>
        <translation>Введіть пароль скриньки: він зберігається в системному сховищі паролів.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="151"/>
        <source>Mailbox #{account_id} no longer exists.</source>
        <translation>Скриньки №{account_id} більше немає.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/accounts.py" line="209"/>
        <source>The mailbox {address} is saved already: each mailbox is read by one account.</source>
        <translation>Скриньку {address} уже збережено: кожна скринька читається одним обліковим записом.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/channel.py" line="68"/>
        <source>No password is saved for this mailbox: enter it in Settings &gt; Email.</source>
        <translation>Для цієї скриньки не збережено пароль: введіть його в «Налаштування &gt; Пошта».</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="82"/>
        <source>The {protocol} server {host}:{port} sent a self-signed certificate, which is not trusted ({detail}). Ask the mail provider for a proper certificate, or add the shop&apos;s own CA file to the mailbox.</source>
        <translation>Сервер {protocol} {host}:{port} надіслав самопідписаний сертифікат, йому немає довіри ({detail}). Попросіть у поштового провайдера справжній сертифікат або додайте до скриньки файл власного ЦС крамниці.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="86"/>
        <source>The {protocol} server {host}:{port} sent a certificate from an issuer this computer does not trust ({detail}). Add the issuer&apos;s CA file to the mailbox if it is the shop&apos;s own.</source>
        <translation>Сервер {protocol} {host}:{port} надіслав сертифікат від видавця, якому цей комп’ютер не довіряє ({detail}). Якщо це власний ЦС крамниці, додайте його файл до скриньки.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="90"/>
        <source>The certificate of the {protocol} server {host}:{port} has expired ({detail}): the mail provider must renew it.</source>
        <translation>Термін дії сертифіката сервера {protocol} {host}:{port} минув ({detail}): поштовий провайдер має його оновити.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="94"/>
        <source>The certificate of the {protocol} server {host}:{port} is not valid yet ({detail}): check this computer&apos;s date and time.</source>
        <translation>Сертифікат сервера {protocol} {host}:{port} ще не діє ({detail}): перевірте дату й час на цьому комп’ютері.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="98"/>
        <source>The certificate of the {protocol} server {host}:{port} is for another name ({detail}): use the server name the mail provider gives.</source>
        <translation>Сертифікат сервера {protocol} {host}:{port} видано на інше ім’я ({detail}): вкажіть ім’я сервера, яке дає поштовий провайдер.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="102"/>
        <source>The certificate of the {protocol} server {host}:{port} can&apos;t be trusted: {detail}</source>
        <translation>Сертифікату сервера {protocol} {host}:{port} не можна довіряти: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="109"/>
        <source>The {protocol} server {host} was not found: check its name ({detail}).</source>
        <translation>Сервер {protocol} {host} не знайдено: перевірте його ім’я ({detail}).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="112"/>
        <source>The {protocol} server {host} refused the connection on port {port}: check the port and the security setting.</source>
        <translation>Сервер {protocol} {host} відхилив підключення на порту {port}: перевірте порт і налаштування захисту.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="116"/>
        <source>The {protocol} server {host}:{port} did not answer in time: check the port and the security setting (TLS or STARTTLS), and the network.</source>
        <translation>Сервер {protocol} {host}:{port} не відповів вчасно: перевірте порт, налаштування захисту (TLS або STARTTLS) і мережу.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="120"/>
        <source>The {protocol} server {host}:{port} can&apos;t be reached: {detail}</source>
        <translation>Сервер {protocol} {host}:{port} недоступний: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="123"/>
        <source>The {protocol} server {host}:{port} closed the connection: {detail}</source>
        <translation>Сервер {protocol} {host}:{port} закрив з’єднання: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="126"/>
        <source>A secure connection to the {protocol} server {host}:{port} failed: {detail}</source>
        <translation>Не вдалося захищене підключення до сервера {protocol} {host}:{port}: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="129"/>
        <source>The {protocol} server {host}:{port} does not start with TLS on this port: choose STARTTLS for it, or the server&apos;s TLS port.</source>
        <translation>Сервер {protocol} {host}:{port} не починає з TLS на цьому порту: оберіть для нього STARTTLS або TLS-порт сервера.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="133"/>
        <source>The {protocol} server {host}:{port} does not offer STARTTLS, so the password would go unencrypted: nothing was sent. Choose TLS and the server&apos;s TLS port, or ask the mail provider.</source>
        <translation>Сервер {protocol} {host}:{port} не пропонує STARTTLS, і пароль пішов би без шифрування: нічого не надіслано. Оберіть TLS і TLS-порт сервера або спитайте поштового провайдера.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="137"/>
        <source>The {protocol} server {host}:{port} offers no login (AUTH): it is not a server for sending the shop&apos;s mail.</source>
        <translation>Сервер {protocol} {host}:{port} не пропонує входу (AUTH): це не сервер для надсилання пошти крамниці.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="141"/>
        <source>The {protocol} server {host} refused the user name or password: {detail}</source>
        <translation>Сервер {protocol} {host} відхилив ім’я користувача або пароль: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="145"/>
        <source>The {protocol} server {host} refused: {detail}</source>
        <translation>Сервер {protocol} {host} відмовив: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/connection.py" line="146"/>
        <source>The mailbox&apos;s CA certificate file can&apos;t be used for the {protocol} server {host}: {detail}</source>
        <translation>Файл сертифіката ЦС скриньки не можна використати для сервера {protocol} {host}: {detail}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="84"/>
        <source>The mailbox&apos;s settings are not a set of fields.</source>
        <translation>Налаштування скриньки не є набором полів.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="134"/>
        <source>The Message-ID domain {value!r} is not a domain name (such as shop.com).</source>
        <translation>Домен Message-ID {value!r} не є доменним ім’ям (наприклад, shop.com).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="141"/>
        <source>Choose at least one folder to read.</source>
        <translation>Оберіть хоча б одну теку для читання.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="144"/>
        <source>The mailbox&apos;s user name (login) is empty.</source>
        <translation>Ім’я користувача (логін) скриньки порожнє.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="165"/>
        <source>The {protocol} server {value!r} is not a host name.</source>
        <translation>Сервер {protocol} {value!r} не є ім’ям хоста.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="171"/>
        <source>The {protocol} port {value} is not a port number (1 to 65535).</source>
        <translation>Порт {protocol} {value} не є номером порту (від 1 до 65535).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="182"/>
        <source>The mailbox setting {field!r} has a value that can&apos;t be used.</source>
        <translation>Налаштування скриньки {field!r} має значення, яке не можна використати.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="204"/>
        <location filename="../../integrations/email/settings.py" line="238"/>
        <source>The mailbox setting {field!r} is missing.</source>
        <translation>Налаштування скриньки {field!r} немає.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/settings.py" line="245"/>
        <source>{field!r}: {value!r} is not a secure connection; choose TLS or STARTTLS (mail without encryption is not offered).</source>
        <translation>{field!r}: {value!r} — не захищене підключення; оберіть TLS або STARTTLS (пошта без шифрування не пропонується).</translation>
    </message>
    <message>
        <location filename="../../integrations/email/imap.py" line="87"/>
        <source>The folder {folder!r} of the mailbox can&apos;t be read: {reason}. Choose the folders to read in Settings &gt; Email.</source>
        <translation>Теку {folder!r} поштової скриньки не вдається прочитати: {reason}. Виберіть теки для читання в Налаштування &gt; Ел. пошта.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/imap.py" line="91"/>
        <source>First sync: the mail received since {since} was read ({read} message(s)); {older} older message(s) stay on the server, not read into Switchboard.</source>
        <translation>Перша синхронізація: прочитано пошту, отриману з {since} (повідомлень: {read}); старіші (повідомлень: {older}) лишаються на сервері й до Switchboard не завантажені.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="59"/>
        <source>The subject is too long: at most {limit} characters.</source>
        <translation>Тема задовга: щонайбільше {limit} символів.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="67"/>
        <location filename="../../app/mail_view.py" line="74"/>
        <source>{value!r} in Cc is not an email address.</source>
        <translation>{value!r} у полі «Копія» — не адреса електронної пошти.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="81"/>
        <source>At most {limit} addresses in Cc.</source>
        <translation>У полі «Копія» щонайбільше {limit} адрес.</translation>
    </message>
    <message>
        <location filename="../../app/mail_view.py" line="143"/>
        <source>The message #{id} is not in the history.</source>
        <translation>Повідомлення №{id} немає в історії.</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="74"/>
        <source>Sent, but not delivered to {address}: {reason}</source>
        <translation>Надіслано, але не доставлено на {address}: {reason}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="75"/>
        <source>Sent, but not saved to the Sent folder: {reason}</source>
        <translation>Надіслано, але не збережено в теці «Надіслані»: {reason}</translation>
    </message>
    <message>
        <location filename="../../integrations/email/smtp.py" line="76"/>
        <source>Sent, but not saved: the mailbox has no Sent folder (choose one in Settings &gt; Email).</source>
        <translation>Надіслано, але не збережено: у скриньці немає теки «Надіслані» (виберіть її в Налаштування &gt; Ел. пошта).</translation>
    </message>
</context>
</TS>
