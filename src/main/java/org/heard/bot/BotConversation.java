package org.heard.bot;

import jakarta.inject.Singleton;
import org.heard.platform.SecretKey;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.safeguarding.Safeguarding;
import org.heard.survey.AnswerRules;
import org.heard.survey.Option;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyChannel;
import org.heard.survey.SurveyStatus;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One young person's conversation: commands, one question per message, buttons for choices, typed
 * replies for text, and the same answer rules as the web. Names, usernames, phone numbers and
 * locations in an update are never read; the chat id is used only to reply.
 */
@Singleton
class BotConversation {
    private final Conversations conversations;
    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final Safeguarding safeguarding;
    private final BotSender sender;
    private final BotTexts texts;
    private final SecretKey secret;
    private final BotConfiguration config;
    private final Clock clock;

    BotConversation(Conversations conversations, SurveyCatalog catalog, ResponseService responses, Safeguarding safeguarding,
                    BotSender sender, BotTexts texts, SecretKey secret, BotConfiguration config, Clock clock) {
        this.conversations = conversations;
        this.catalog = catalog;
        this.responses = responses;
        this.safeguarding = safeguarding;
        this.sender = sender;
        this.texts = texts;
        this.secret = secret;
        this.config = config;
        this.clock = clock;
    }

    /** The chat an update belongs to, or null for one about no chat. */
    static Long chatOf(Update update) {
        return update.hasMessage() ? update.getMessage().getChatId()
                : update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                ? update.getCallbackQuery().getMessage().getChatId() : null;
    }

    /** Handles one update, once: a repeated delivery of the same update id is ignored. */
    void handle(Update update) {
        if (update.getUpdateId() == null || !conversations.firstTime(update.getUpdateId())) {
            return;
        }
        try {
            if (update.hasCallbackQuery()) {
                callback(update.getCallbackQuery());
            } else if (update.hasMessage()) {
                message(update.getMessage());
            }
        } catch (BotSender.Blocked blocked) {
            // They blocked the bot: forget where they were and send nothing more.
            Long chat = chatOf(update);
            if (chat != null) {
                conversations.delete(hash(chat));
            }
        }
    }

    private String hash(long chatId) {
        return secret.hmacHex("telegram-chat", Long.toString(chatId));
    }

    private void message(Message m) {
        long chat = m.getChatId();
        if (!m.hasText()) {
            // Photos, voice notes, stickers, contacts and locations are not read or stored.
            sender.send(chat, texts.get("only_text"), null);
            return;
        }
        String text = m.getText().strip();
        if (text.startsWith("/")) {
            command(chat, text);
            return;
        }
        Optional<Conversations.State> state = current(chat);
        if (state.isEmpty()) {
            start(chat, null);
            return;
        }
        Survey survey = catalog.find(state.get().surveyId()).orElseThrow();
        Question q = survey.questions().get(state.get().step());
        if (q.type().isChoice() || q.type() == QuestionType.SCALE) {
            sender.send(chat, texts.get("use_buttons"), null);
            return;
        }
        accept(chat, survey, state.get(), q, List.of(text), null);
    }

    private void command(long chat, String text) {
        String[] parts = text.split("\\s+", 2);
        String command = parts[0].toLowerCase().replaceAll("@.*", "");
        switch (command) {
            case "/start" -> start(chat, parts.length > 1 ? parts[1].strip() : null);
            case "/help" -> sender.send(chat, texts.get("help"), null);
            case "/privacy" -> sender.send(chat, texts.get("privacy"), null);
            case "/stop" -> {
                conversations.delete(hash(chat));
                sender.send(chat, texts.get("stopped"), null);
            }
            case "/delete" -> sender.send(chat, texts.get("delete_confirm"), keyboard(List.of(
                    List.of(button(texts.get("delete_yes"), "del:yes"), button(texts.get("delete_no"), "del:no")))));
            default -> sender.send(chat, texts.get("help"), null);
        }
    }

    private void start(long chat, String surveyId) {
        conversations.delete(hash(chat));
        if (surveyId != null) {
            Optional<Survey> s = catalog.find(surveyId).filter(x -> x.offeredOn(SurveyChannel.TELEGRAM) && catalog.status(x) == SurveyStatus.OPEN);
            if (s.isEmpty()) {
                sender.send(chat, texts.get("unknown_survey"), null);
                return;
            }
            begin(chat, s.get());
            return;
        }
        sender.send(chat, texts.get("greeting") + "\n\n" + texts.get("privacy"), null);
        List<Survey> open = catalog.open(SurveyChannel.TELEGRAM);
        if (open.isEmpty()) {
            sender.send(chat, texts.get("none_open"), null);
            return;
        }
        var rows = new ArrayList<List<InlineKeyboardButton>>();
        open.forEach(s -> rows.add(List.of(button(s.title(), "s:" + s.id()))));
        sender.send(chat, texts.get("choose"), keyboard(rows));
    }

    private void begin(long chat, Survey survey) {
        var state = new Conversations.State(survey.id(), -1, new LinkedHashMap<>(), new ArrayList<>(),
                UUID.randomUUID().toString(), clock.instant());
        sender.send(chat, survey.title() + "\n\n" + survey.introduction(), null);
        advance(chat, survey, state);
    }

    private void callback(CallbackQuery cb) {
        long chat = cb.getMessage().getChatId();
        Integer messageId = cb.getMessage().getMessageId();
        String data = cb.getData() == null ? "" : cb.getData();
        if (data.startsWith("s:")) {
            sender.answerCallback(cb.getId(), "");
            sender.clearKeyboard(chat, messageId);
            start(chat, data.substring(2));
            return;
        }
        if (data.startsWith("del:")) {
            sender.answerCallback(cb.getId(), "");
            sender.clearKeyboard(chat, messageId);
            if (data.equals("del:yes")) {
                int n = responses.deleteByRespondent(hash(chat));
                conversations.delete(hash(chat));
                sender.send(chat, texts.get("deleted", "count", String.valueOf(n)), null);
            } else {
                sender.send(chat, texts.get("kept"), null);
            }
            return;
        }
        // Question buttons carry the question's step and this run's code: a button from an earlier
        // question, or from an abandoned run of any survey, answers nothing.
        String[] parts = data.split(":", 3);
        Optional<Conversations.State> state = current(chat);
        if (parts.length < 2 || state.isEmpty() || !parts[1].equals(tag(state.get()))) {
            sender.answerCallback(cb.getId(), texts.get("already_answered"));
            return;
        }
        sender.answerCallback(cb.getId(), "");
        Survey survey = catalog.find(state.get().surveyId()).orElseThrow();
        Question q = survey.questions().get(state.get().step());
        String value = parts.length > 2 ? choice(q, parts[2]) : null;
        switch (parts[0]) {
            case "a" -> accept(chat, survey, state.get(), q, value == null ? List.of() : List.of(value), messageId);
            case "k" -> accept(chat, survey, state.get(), q, List.of(), messageId);
            case "m" -> {
                if (value == null) {
                    return;
                }
                var ticked = new ArrayList<>(state.get().ticked());
                if (!ticked.remove(value)) {
                    ticked.add(value);
                }
                var now = new Conversations.State(survey.id(), state.get().step(), state.get().answers(), ticked,
                        state.get().runKey(), clock.instant());
                conversations.save(hash(chat), now);
                // The question's buttons are shown again with what is ticked so far.
                sender.replaceKeyboard(chat, messageId, keyboard(buttons(q, now)));
            }
            case "d" -> accept(chat, survey, state.get(), q, state.get().ticked(), messageId);
            default -> sender.send(chat, texts.get("use_buttons"), null);
        }
    }

    private void accept(long chat, Survey survey, Conversations.State state, Question q, List<String> values, Integer messageId) {
        switch (AnswerRules.check(q, values, catalog.agencies())) {
            case AnswerRules.Rejected r -> sender.send(chat, texts.get("bad_answer", "problem", r.message().toLowerCase()), null);
            case AnswerRules.Accepted a -> {
                sender.clearKeyboard(chat, messageId);
                var answers = new LinkedHashMap<>(state.answers());
                if (!a.values().isEmpty()) {
                    answers.put(q.id(), a.values());
                }
                advance(chat, survey, new Conversations.State(survey.id(), state.step(), answers, new ArrayList<>(), state.runKey(), clock.instant()));
            }
        }
    }

    /** Asks the next question whose "show if" holds, or submits when none is left. */
    private void advance(long chat, Survey survey, Conversations.State state) {
        int next = state.step() + 1;
        while (next < survey.questions().size() && !survey.questions().get(next).isAsked(state.answers())) {
            next++;
        }
        if (next >= survey.questions().size()) {
            finish(chat, survey, state);
            return;
        }
        var now = new Conversations.State(survey.id(), next, state.answers(), new ArrayList<>(), state.runKey(), clock.instant());
        conversations.save(hash(chat), now);
        ask(chat, survey.questions().get(next), now);
    }

    /** Identifies one question of one run: its step and the start of the run's key. */
    private static String tag(Conversations.State state) {
        return state.step() + "." + state.runKey().substring(0, 6);
    }

    /** The option a button stands for; buttons carry its position, as Telegram allows only 64 bytes of data. */
    private String choice(Question q, String index) {
        List<Option> choices = q.choices(catalog.agencies().all());
        try {
            int i = Integer.parseInt(index);
            return i >= 0 && i < choices.size() ? choices.get(i).value() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void ask(long chat, Question q, Conversations.State state) {
        String text = q.text() + (q.hint() == null ? "" : "\n" + q.hint());
        var rows = buttons(q, state);
        sender.send(chat, text, rows.isEmpty() ? null : keyboard(rows));
    }

    /** A question's buttons: its choices (those ticked so far marked), then Done and Skip where they apply. */
    private List<List<InlineKeyboardButton>> buttons(Question q, Conversations.State state) {
        var rows = new ArrayList<List<InlineKeyboardButton>>();
        String tag = tag(state);
        String prefix = q.type() == QuestionType.MULTIPLE_CHOICE ? "m:" : "a:";
        if (q.type().isChoice() || q.type() == QuestionType.SCALE) {
            List<Option> choices = q.choices(catalog.agencies().all());
            for (int i = 0; i < choices.size(); i++) {
                Option choice = choices.get(i);
                String label = state.ticked().contains(choice.value()) ? texts.get("ticked", "choice", choice.label()) : choice.label();
                rows.add(List.of(button(label, prefix + tag + ":" + i)));
            }
        }
        if (q.type() == QuestionType.MULTIPLE_CHOICE) {
            rows.add(List.of(button(texts.get("done"), "d:" + tag)));
        }
        if (!q.required()) {
            rows.add(List.of(button(texts.get("skip"), "k:" + tag)));
        }
        return rows;
    }

    private void finish(long chat, Survey survey, Conversations.State state) {
        String key = "tg-" + state.runKey();
        SubmitOutcome outcome = responses.submit(new Submission(survey.id(), Channel.TELEGRAM, state.answers(), key, hash(chat)));
        conversations.delete(hash(chat));
        if (outcome instanceof SubmitOutcome.Stored stored) {
            sender.send(chat, texts.get("thanks", "receipt", stored.receipt()), null);
            // The bot's own words (bots/telegram.yaml), plus the partnership's front door lines.
            safeguarding.signpostFor(stored.id()).ifPresent(s -> sender.send(chat,
                    String.join("\n", java.util.stream.Stream.concat(java.util.stream.Stream.of(texts.get("signposting")),
                            safeguarding.frontDoorLines().stream()).toList()), null));
        } else if (outcome instanceof SubmitOutcome.Closed) {
            sender.send(chat, texts.get("closed_at_finish"), null);
        } else {
            sender.send(chat, texts.get("unknown_survey"), null);
        }
        sender.send(chat, texts.get("help_now"), null);
    }

    private Optional<Conversations.State> current(long chat) {
        Optional<Conversations.State> s = conversations.find(hash(chat));
        if (s.isPresent() && s.get().updatedAt().plus(config.expiry()).isBefore(clock.instant())) {
            conversations.delete(hash(chat));
            return Optional.empty();
        }
        return s;
    }

    private static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    private static InlineKeyboardMarkup keyboard(List<List<InlineKeyboardButton>> rows) {
        return InlineKeyboardMarkup.builder().keyboard(rows.stream().map(InlineKeyboardRow::new).toList()).build();
    }
}
