package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of question templates: at least three paraphrases per family, at least one of them
 * held out for test time. Ids are stable; never renumber them, datasets refer to them.
 */
public final class Templates {
    private static final List<Template> ALL = List.of(
            t("existence.is_there", Family.EXISTENCE, "is there {subject.a}?"),
            t("existence.can_you_see", Family.EXISTENCE, "can you see {subject.a}?"),
            t("existence.contain", Family.EXISTENCE, "does the image contain {subject.a}?"),
            held("existence.in_picture", Family.EXISTENCE, "is there {subject.a} in the picture?"),

            t("count.how_many", Family.COUNT, "how many {subject.pl} are there?"),
            t("count.number_of", Family.COUNT, "what is the number of {subject.pl}?"),
            t("count.count_the", Family.COUNT, "count the {subject.pl}."),
            held("count.can_you_see", Family.COUNT, "how many {subject.pl} can you see?"),

            t("count_attribute.how_many", Family.COUNT_ATTRIBUTE, "how many {subject.pl} are there?"),
            t("count_attribute.number_of", Family.COUNT_ATTRIBUTE, "what is the number of {subject.pl}?"),
            t("count_attribute.count_the", Family.COUNT_ATTRIBUTE, "count the {subject.pl}."),
            held("count_attribute.in_image", Family.COUNT_ATTRIBUTE, "how many {subject.pl} does the image show?"),

            t("color.what", Family.COLOR, "what colour is {subject.the}?"),
            t("color.of", Family.COLOR, "what is the colour of {subject.the}?"),
            t("color.which_have", Family.COLOR, "which colour does {subject.the} have?"),
            held("color.tell_me", Family.COLOR, "tell me the colour of {subject.the}."),

            t("shape.what", Family.SHAPE, "what shape is {subject.the}?"),
            t("shape.of", Family.SHAPE, "what is the shape of {subject.the}?"),
            t("shape.which_have", Family.SHAPE, "which shape does {subject.the} have?"),
            held("shape.kind", Family.SHAPE, "what kind of shape is {subject.the}?"),

            t("size.what", Family.SIZE, "what size is {subject.the}?"),
            t("size.how_big", Family.SIZE, "how big is {subject.the}?"),
            t("size.of", Family.SIZE, "what is the size of {subject.the}?"),
            held("size.choice", Family.SIZE, "is {subject.the} small, medium or large?"),

            t("fill.pattern", Family.FILL, "what pattern does {subject.the} have?"),
            t("fill.how_filled", Family.FILL, "how is {subject.the} filled?"),
            t("fill.of", Family.FILL, "what is the fill of {subject.the}?"),
            held("fill.choice", Family.FILL, "is {subject.the} solid, striped or outline?"),

            t("size_compare.is", Family.SIZE_COMPARE, "is {subject.the} {cmp.bigger} than {other.the}?"),
            t("size_compare.look", Family.SIZE_COMPARE, "does {subject.the} look {cmp.bigger} than {other.the}?"),
            t("size_compare.compared", Family.SIZE_COMPARE, "compared with {other.the}, is {subject.the} {cmp.bigger}?"),
            held("size_compare.would_you_say", Family.SIZE_COMPARE,
                    "would you say {subject.the} is {cmp.bigger} than {other.the}?"),

            t("spatial.is", Family.SPATIAL, "is {subject.the} {relation} {other.the}?"),
            t("spatial.appear", Family.SPATIAL, "does {subject.the} appear {relation} {other.the}?"),
            t("spatial.located", Family.SPATIAL, "is {subject.the} located {relation} {other.the}?"),
            held("spatial.would_you_say", Family.SPATIAL, "would you say {subject.the} is {relation} {other.the}?"),

            t("position.where", Family.POSITION, "where is {subject.the}?"),
            t("position.which_part", Family.POSITION, "in which part of the image is {subject.the}?"),
            t("position.located", Family.POSITION, "where in the picture is {subject.the} located?"),
            held("position.region", Family.POSITION, "which region contains {subject.the}?"),

            t("count_compare.are_there", Family.COUNT_COMPARE, "are there {cmp.more} {subject.pl} than {other.pl}?"),
            t("count_compare.image_has", Family.COUNT_COMPARE,
                    "does the image have {cmp.more} {subject.pl} than {other.pl}?"),
            t("count_compare.number", Family.COUNT_COMPARE,
                    "is the number of {subject.pl} {cmp.greatercount} than the number of {other.pl}?"),
            held("count_compare.numerous", Family.COUNT_COMPARE,
                    "are the {subject.pl} {cmp.moreless} numerous than the {other.pl}?"),

            t("binding.is", Family.BINDING, "is {subject.the} {other.a}?"),
            t("binding.shaped_like", Family.BINDING, "is {subject.the} shaped like {other.a}?"),
            t("binding.shape_of", Family.BINDING, "does {subject.the} have the shape of {other.a}?"),
            held("binding.call", Family.BINDING, "would you call {subject.the} {other.a}?"),

            t("negation.how_many", Family.NEGATION, "how many {subject.pl} are not {color}?"),
            t("negation.count", Family.NEGATION, "count the {subject.pl} that are not {color}."),
            t("negation.other_than", Family.NEGATION, "how many {subject.pl} have a colour other than {color}?"),
            held("negation.number", Family.NEGATION, "what is the number of {subject.pl} that are not {color}?"),

            t("uniqueness.exactly", Family.UNIQUENESS, "is there exactly one {subject.bare}?"),
            t("uniqueness.only", Family.UNIQUENESS, "is there only one {subject.bare}?"),
            t("uniqueness.contain", Family.UNIQUENESS, "does the image contain exactly one {subject.bare}?"),
            held("uniqueness.single", Family.UNIQUENESS, "is there just a single {subject.bare}?"),

            t("color_count.different", Family.COLOR_COUNT, "how many different colours do the {subject.pl} have?"),
            t("color_count.used", Family.COLOR_COUNT, "how many colours are used by the {subject.pl}?"),
            t("color_count.distinct", Family.COLOR_COUNT, "count the distinct colours of the {subject.pl}."),
            held("color_count.appear", Family.COLOR_COUNT, "in how many different colours do the {subject.pl} appear?"),

            t("text_reading.say", Family.TEXT_READING, "what does {target} say?"),
            t("text_reading.written", Family.TEXT_READING, "what is written on {target}?"),
            t("text_reading.text_on", Family.TEXT_READING, "what text is on {target}?"),
            held("text_reading.read", Family.TEXT_READING, "read the text on {target}."),

            t("sign_color.what", Family.SIGN_COLOR, "what colour is the sign?"),
            t("sign_color.of", Family.SIGN_COLOR, "what is the colour of the sign?"),
            t("sign_color.board", Family.SIGN_COLOR, "which colour is the sign board?"),
            held("sign_color.board_of", Family.SIGN_COLOR, "what colour is the board of the sign?"),

            t("chart_value.value_of", Family.CHART_VALUE, "what is the value of bar {bar}?"),
            t("chart_value.how_high", Family.CHART_VALUE, "how high is bar {bar}?"),
            t("chart_value.show", Family.CHART_VALUE, "what value does bar {bar} show?"),
            held("chart_value.read", Family.CHART_VALUE, "read the value of bar {bar}."),

            t("chart_extreme.which_is", Family.CHART_EXTREME, "which bar is the {cmp.tallest}?"),
            t("chart_extreme.value", Family.CHART_EXTREME, "which bar has the {cmp.highest} value?"),
            t("chart_extreme.label", Family.CHART_EXTREME, "what is the label of the {cmp.tallest} bar?"),
            held("chart_extreme.name", Family.CHART_EXTREME, "name the {cmp.tallest} bar."),

            t("chart_compare.higher", Family.CHART_COMPARE, "is bar {bar} {cmp.higher} than bar {otherBar}?"),
            t("chart_compare.value", Family.CHART_COMPARE,
                    "is the value of bar {bar} {cmp.greater} than that of bar {otherBar}?"),
            t("chart_compare.reach", Family.CHART_COMPARE, "does bar {bar} reach {cmp.higher} than bar {otherBar}?"),
            held("chart_compare.taller", Family.CHART_COMPARE, "is bar {bar} {cmp.taller} than bar {otherBar}?"),

            t("clock.show", Family.CLOCK, "what time does the clock show?"),
            t("clock.is_it", Family.CLOCK, "what time is it?"),
            t("clock.shown", Family.CLOCK, "what time is shown on the clock?"),
            held("clock.read", Family.CLOCK, "read the time on the clock."));

    private static final Map<String, Template> BY_ID = new LinkedHashMap<>();
    private static final Map<Family, List<Template>> BY_FAMILY = new EnumMap<>(Family.class);

    static {
        for (Template t : ALL) {
            if (BY_ID.put(t.id(), t) != null) {
                throw new ExceptionInInitializerError("template id " + t.id() + " appears twice");
            }
            BY_FAMILY.computeIfAbsent(t.family(), f -> new ArrayList<>()).add(t);
        }
        for (Family f : Family.values()) {
            List<Template> list = BY_FAMILY.getOrDefault(f, List.of());
            if (list.size() < 3 || list.stream().noneMatch(Template::heldOut)
                    || list.stream().allMatch(Template::heldOut)) {
                throw new ExceptionInInitializerError("family " + f + " needs 3+ templates, some held out");
            }
            BY_FAMILY.put(f, List.copyOf(list));
        }
    }

    private Templates() {
    }

    private static Template t(String id, Family f, String pattern) {
        return new Template(id, f, pattern, false);
    }

    private static Template held(String id, Family f, String pattern) {
        return new Template(id, f, pattern, true);
    }

    /** Every template, in catalogue order. */
    public static List<Template> all() {
        return ALL;
    }

    /** The templates of one family, in catalogue order. */
    public static List<Template> of(Family family) {
        return BY_FAMILY.get(family);
    }

    /** The templates of a family that training may use, or that a test may use too. */
    public static List<Template> of(Family family, boolean includeHeldOut) {
        return includeHeldOut ? of(family) : of(family).stream().filter(t -> !t.heldOut()).toList();
    }

    public static Optional<Template> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The template with this id, or an IllegalArgumentException naming it. */
    public static Template require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no question template '" + id + "'"));
    }
}
