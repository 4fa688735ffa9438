package io.tribune.account;

import org.jboss.resteasy.reactive.RestForm;

/** The sign-up form as posted. {@code website} is the honeypot: hidden from people, filled by bots. */
public class SignupForm {
    @RestForm
    public String username;
    @RestForm
    public String email;
    @RestForm
    public String password;
    @RestForm
    public String acceptPolicy;
    @RestForm
    public String website;
}
