package io.tracker.ingestion.internal.identity;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker user identity",
        description = "The optional tracker cookie: a random id that event types can record with the source "
                + "user.id, the opt-out endpoint, and whether Do-Not-Track and Global Privacy Control count as "
                + "an opt-out. Opted-out browsers get no cookie and no user id.")
public @interface IdentityConfig {

    @AttributeDefinition(description = "Set and read the tracker cookie at all.")
    boolean enabled() default true;

    @AttributeDefinition(description = "Name of the cookie holding the random user id.")
    String cookie_name() default "tid";

    @AttributeDefinition(description = "Cookie domain, e.g. .example.com to share it across subdomains; empty for "
            + "the tracker's own host.")
    String cookie_domain() default "";

    @AttributeDefinition(description = "Lifetime of the cookie, in seconds (default 390 days).")
    long cookie_max_age_s() default 390L * 24 * 3600;

    @AttributeDefinition(description = "The tracker is served over HTTPS: cookies get Secure and SameSite=None, "
            + "so they are sent from publishers' pages on other sites.")
    boolean cookie_secure() default false;

    @AttributeDefinition(description = "Path of the opt-out endpoint: GET sets the opt-out cookie and removes the "
            + "user id cookie; GET with ?undo=true removes the opt-out.")
    String optout_path() default "/optout";

    @AttributeDefinition(description = "Name of the opt-out cookie.")
    String optout_cookie_name() default "tracker_optout";

    @AttributeDefinition(description = "Treat the DNT: 1 header as an opt-out.")
    boolean honor_dnt() default false;

    @AttributeDefinition(description = "Treat the Sec-GPC: 1 header (Global Privacy Control) as an opt-out.")
    boolean honor_gpc() default true;
}
