package dev.tarsspeedy.webapp.account.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.client.IdentityClient;
import dev.tarsspeedy.webapp.pages.PagesSettings;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Sign up with the emailed code, log in and out, forgotten password, profile. */
@Controller
class AccountController {

    record LoginForm(String email, String password, String next) {}

    record SignupForm(String email, String password, String name, String timeZone) {}

    record CodeForm(String email, String code) {}

    record ResetForm(String email, String code, String newPassword) {}

    record ProfileForm(String name, String locale, String timeZone) {}

    private final IdentityClient identity;
    private final Sessions sessions;
    private final PagesSettings pages;

    AccountController(IdentityClient identity, Sessions sessions, PagesSettings pages) {
        this.identity = identity;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GetMapping("/login")
    String loginPage(
            @RequestParam(defaultValue = "/") String next, @RequestParam(required = false) String email, Model model) {
        model.addAttribute("form", new LoginForm(email, null, next));
        return "account/login";
    }

    @PostMapping("/login")
    Mono<String> login(@ModelAttribute LoginForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new LoginForm(form.email(), null, form.next()));
        return identity.login(
                        Sessions.language(exchange), new IdentityClient.Credentials(form.email(), form.password()))
                .flatMap(pair -> sessions.signIn(exchange, pair))
                .then(Pages.seeOther(form.next() == null ? "/" : form.next()))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/login", exchange, model));
    }

    @PostMapping("/logout")
    Mono<String> logout(ServerWebExchange exchange) {
        return sessions.signOut(exchange).then(Pages.seeOther("/"));
    }

    @GetMapping("/signup")
    String signupPage(Model model) {
        model.addAttribute(
                "form", new SignupForm(null, null, null, pages.defaultTimeZone().getId()));
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        return "account/signup";
    }

    @PostMapping("/signup")
    Mono<String> signup(@ModelAttribute SignupForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new SignupForm(form.email(), null, form.name(), form.timeZone()));
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        String language = Sessions.language(exchange);
        return identity.signup(
                        language,
                        new IdentityClient.Signup(
                                form.email(), form.password(), form.name(), language, form.timeZone()))
                .then(Pages.seeOther("/signup/verify?email=" + encode(form.email())))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/signup", exchange, model));
    }

    @GetMapping("/signup/verify")
    String verifyPage(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("form", new CodeForm(email, null));
        return "account/verify";
    }

    @PostMapping("/signup/verify")
    Mono<String> verify(@ModelAttribute CodeForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", form);
        return identity.verify(Sessions.language(exchange), new IdentityClient.Verification(form.email(), form.code()))
                .then(Pages.seeOther("/login?verified&email=" + encode(form.email())))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/verify", exchange, model));
    }

    @PostMapping("/signup/resend")
    Mono<String> resend(@ModelAttribute CodeForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", form);
        return identity.resend(Sessions.language(exchange), new IdentityClient.Email(form.email()))
                .then(Pages.seeOther("/signup/verify?resent&email=" + encode(form.email())))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/verify", exchange, model));
    }

    @GetMapping("/password/forgot")
    String forgotPage(Model model) {
        model.addAttribute("form", new CodeForm(null, null));
        return "account/forgot";
    }

    @PostMapping("/password/forgot")
    Mono<String> forgot(@ModelAttribute CodeForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", form);
        return identity.requestReset(Sessions.language(exchange), new IdentityClient.Email(form.email()))
                .then(Pages.seeOther("/password/reset?email=" + encode(form.email())))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/forgot", exchange, model));
    }

    @GetMapping("/password/reset")
    String resetPage(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("form", new ResetForm(email, null, null));
        return "account/reset";
    }

    @PostMapping("/password/reset")
    Mono<String> reset(@ModelAttribute ResetForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute("form", new ResetForm(form.email(), form.code(), null));
        return identity.reset(
                        Sessions.language(exchange),
                        new IdentityClient.Reset(form.email(), form.code(), form.newPassword()))
                .then(Pages.seeOther("/login?reset&email=" + encode(form.email())))
                .onErrorMap(ApiCalls::anonymousRefusal)
                .onErrorResume(ApiRefused.class, Pages.again("account/reset", exchange, model));
    }

    @GetMapping("/profile")
    Mono<String> profile(@RequestParam(required = false) String saved, ServerWebExchange exchange, Model model) {
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute("saved", saved != null);
        return sessions.bearer(exchange)
                .flatMap(bearer -> identity.me(bearer, Sessions.language(exchange)))
                .onErrorMap(ApiCalls::refusal)
                .map(me -> {
                    model.addAttribute("form", new ProfileForm(me.name(), me.locale(), me.timeZone()));
                    model.addAttribute("me", me);
                    return "account/profile";
                });
    }

    @PostMapping("/profile")
    Mono<String> changeProfile(@ModelAttribute ProfileForm form, ServerWebExchange exchange, Model model) {
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute("form", form);
        return sessions.bearer(exchange)
                .flatMap(bearer -> identity.change(
                        bearer,
                        Sessions.language(exchange),
                        new IdentityClient.ProfileChange(form.name(), form.locale(), form.timeZone())))
                .flatMap(me -> sessions.remember(exchange, me))
                .then(Pages.seeOther("/profile?saved"))
                .onErrorMap(ApiCalls::refusal)
                .onErrorResume(
                        ApiRefused.class,
                        refused -> sessions.user(exchange)
                                .doOnNext(user -> model.addAttribute("me", user))
                                .then(Pages.again("account/profile", exchange, model)
                                        .apply(refused)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
