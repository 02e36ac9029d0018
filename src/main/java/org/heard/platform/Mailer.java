package org.heard.platform;

import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** Sends plain-text email through the configured SMTP server (Jakarta Mail). */
@Singleton
public class Mailer {
    private final MailConfiguration config;

    Mailer(MailConfiguration config) {
        this.config = config;
    }

    public boolean configured() {
        return config.configured();
    }

    /** Sends one message; throws so the caller can record the failure and retry. */
    public void send(String to, String subject, String body) throws MessagingException {
        if (!config.configured()) {
            throw new MessagingException("No SMTP server is configured (HEARD_MAIL_HOST)");
        }
        var props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(config.timeoutMillis()));
        props.put("mail.smtp.timeout", String.valueOf(config.timeoutMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(config.timeoutMillis()));
        boolean auth = config.username() != null && !config.username().isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        props.put("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(config.starttls()));
        Session session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(), config.password());
            }
        }) : Session.getInstance(props);
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }
}
