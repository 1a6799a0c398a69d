package io.tracker.collector.banker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Tracker banker collector",
        description = "Turns cost-bearing events (impressions, clicks, conversions) into spend in micros and reports "
                + "it to banker's HTTP API (docs/banker-api.yaml), each event exactly once even when the tracker "
                + "delivers it again. A factory configuration: each config/io.tracker.collector.banker-<name>.cfg runs "
                + "one instance. Further event types are priced with price.<type> and price.<type>.unit keys.")
public @interface BankerConfig {

    @AttributeDefinition(description = "Base URL of banker, http or https, e.g. http://banker.internal:8080; "
            + "reports are POSTed to <banker.url>/v1/spend. Required.")
    String banker_url();

    @AttributeDefinition(description = "Whose budget the spend is charged to: a fixed account id (acme), or "
            + "dimension:<name> to read it from each event. Required.")
    String account();

    @AttributeDefinition(description = "Event types reported by this instance, comma-separated, or * for all; each "
            + "listed type needs a price.<type> rule.")
    String event_types() default "impression,click,conversion";

    @AttributeDefinition(description = "Where an impression's price is: metric:<name> or dimension:<name>; empty "
            + "for none.")
    String price_impression() default "metric:price";

    @AttributeDefinition(description = "Unit of the impression price: each, cpm (per thousand), micros, cpm-micros.")
    String price_impression_unit() default "cpm";

    @AttributeDefinition(description = "Where a click's price (CPC) is: metric:<name> or dimension:<name>; empty "
            + "for none.")
    String price_click() default "metric:cpc";

    @AttributeDefinition(description = "Unit of the click price: each, cpm, micros, cpm-micros.")
    String price_click_unit() default "each";

    @AttributeDefinition(description = "Where a conversion's price (CPA) is: metric:<name> or dimension:<name>; "
            + "empty for none.")
    String price_conversion() default "metric:value";

    @AttributeDefinition(description = "Unit of the conversion price: each, cpm, micros, cpm-micros.")
    String price_conversion_unit() default "each";

    @AttributeDefinition(description = "Dimension holding the campaign id; events without it are skipped and "
            + "counted.")
    String campaign_dimension() default "cid";

    @AttributeDefinition(description = "Dimension holding the line item id; events without it are skipped and "
            + "counted.")
    String line_item_dimension() default "lid";

    @AttributeDefinition(description = "Dimension holding the ISO 4217 currency code of the price.")
    String currency_dimension() default "currency";

    @AttributeDefinition(description = "Currency of events without a currency dimension, ISO 4217 (three letters).")
    String default_currency() default "USD";

    @AttributeDefinition(description = "How long one report may take, from sending to banker's answer, in "
            + "milliseconds; a slower answer counts as a failure and the batch is retried (and deduplicated). Below the "
            + "tracker's detach.timeout.ms (5000), so that an upgrade does not have to abandon a request.")
    long request_timeout_ms() default 4000;

    @AttributeDefinition(description = "How long opening a connection to banker may take, in milliseconds.")
    long connect_timeout_ms() default 2000;

    @AttributeDefinition(description = "The most events one report (one HTTP request) covers, 1 to 100000; a "
            + "larger batch is sent as several reports.")
    int request_max_events() default 1000;

    /** The leading dot keeps it out of the service properties, which every bundle can read (DS 112.6). */
    @AttributeDefinition(description = "Bearer token sent to banker as 'Authorization: Bearer <token>'; empty for "
            + "none. The key starts with a dot so that it never becomes a service property.",
            type = AttributeType.PASSWORD, required = false)
    String _auth_token() default "";

    @AttributeDefinition(description = "Name of this collector in logs and the console, and the key of its journal "
            + "cursor: an instance keeps its name across upgrades. Each instance needs its own.")
    String tracker_collector_name() default "banker";

    @AttributeDefinition(description = "On the first attach ever: 'earliest' (everything the journal holds) or "
            + "'latest'. Later attaches resume from the cursor.")
    String start_position() default "earliest";

    @AttributeDefinition(description = "When the journal's quota is reached while this collector is behind: "
            + "'reject' (hits get 503 until it catches up: spend is never dropped) or 'drop-oldest'.")
    String overflow_policy() default "reject";
}
