package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The demo's vocabulary: tenants, the configurations each tenant uses, and for every canonical value
 * (DESIGN.md §5) several legacy spellings that normalize to it. Every spelling here must normalize to
 * exactly its canonical value, or the demo's oracle would be wrong.
 */
final class DemoCatalog {

    /** One schedule: its canonical form (rule 8) and legacy spellings of it. */
    record Schedule(String canonical, List<String> spellings) {
    }

    /** One group key of a tenant, in canonical form (rule 11), without the recipients. */
    record Config(String tenant, String channel, int priority, String schedule, String timezone) {
    }

    static final List<String> CHANNELS = List.of("email", "sms", "webhook", "pager");

    static final List<Schedule> SCHEDULES = List.of(
            new Schedule("0 9 * * 1,2,3,4,5", List.of("0 9 * * MON-FRI", "0 9 * * 1-5", "00 09 * * mon-fri",
                    "0 9 1-31 * 1-5", "0\t9 * * Mon-Fri", "0 9 * * 1,2,3,4,5", " 0 9 * * MON,TUE,WED,THU,FRI ")),
            new Schedule("0,15,30,45 * * * *", List.of("*/15 * * * *", "0/15 * * * *", "0,15,30,45 * * * *",
                    "0-59/15 * * * *", "00,15,30,45 * * * *")),
            new Schedule("30 8 * * *", List.of("30 8 * * *", "30 08 * * *", "30 8 1-31 * *", "30 8 * 1-12 *",
                    "30 8 * JAN-DEC *")),
            new Schedule("0 18 * * 0", List.of("0 18 * * SUN", "0 18 * * 7", "0 18 * * sun", "0 18 * * 0")),
            new Schedule("0 12 * * 0,6", List.of("0 12 * * SAT,SUN", "0 12 * * 6,0", "0 12 * * 6,7",
                    "0 12 * * sun,sat")),
            new Schedule("0 6,18 * * *", List.of("0 6,18 * * *", "0 18,6 * * *", "0 6-18/12 * * *")),
            new Schedule("0 9 1 1,4,7,10 *", List.of("0 9 1 JAN,APR,JUL,OCT *", "0 9 1 1-12/3 *", "0 9 1 */3 *",
                    "0 9 01 1,4,7,10 *")),
            new Schedule("0 0 1 * *", List.of("0 0 1 * *", "00 00 01 * *", "0  0  1  *  *")),
            new Schedule("0,30 9,10,11,12,13,14,15,16,17 * * 1,2,3,4,5", List.of("*/30 9-17 * * MON-FRI",
                    "0,30 9-17 * * 1-5", "0/30 09-17 * * mon-fri")),
            new Schedule("45 23 * * 5", List.of("45 23 * * FRI", "45 23 * * fri", "45 23 * * 5")));

    /** Non-UTC zones, each only ever spelled exactly (rule 9: case-sensitive, aliases kept apart). */
    private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Asia/Tokyo",
            "US/Eastern", "Australia/Sydney", "Asia/Kolkata");

    private static final List<String> STEMS = List.of("acme", "globex", "initech", "umbrella", "hooli", "stark",
            "wayne", "wonka", "tyrell", "cyberdyne", "soylent", "vandelay");

    private final List<String> tenants = new ArrayList<>();
    /** tenant -> its first index in {@link #tenants}: {@link #tenantIndex} is called per record */
    private final Map<String, Integer> tenantIndexes = new HashMap<>();
    private final List<List<Config>> configs = new ArrayList<>();

    DemoCatalog(Random random, int tenantCount) {
        for (int i = 0; i < tenantCount; i++) {
            tenants.add(String.format(Locale.ROOT, "%s-%02d", STEMS.get(i % STEMS.size()), i / STEMS.size()));
        }
        // look-alikes of acme-00 that must stay separate tenants: no case folding, no Unicode folding
        tenants.add("ACME-00");
        tenants.add("\u0430\u0441me-00");
        for (int i = 0; i < tenants.size(); i++) {
            tenantIndexes.putIfAbsent(tenants.get(i), i);
        }
        for (String tenant : tenants) {
            List<Config> own = new ArrayList<>();
            int count = 3 + random.nextInt(4);
            while (own.size() < count) {
                Config config = new Config(tenant, CHANNELS.get(random.nextInt(CHANNELS.size())),
                        1 + random.nextInt(5), SCHEDULES.get(random.nextInt(SCHEDULES.size())).canonical(),
                        random.nextInt(3) < 2 ? "UTC" : ZONES.get(random.nextInt(ZONES.size())));
                if (!own.contains(config)) {
                    own.add(config);
                }
            }
            configs.add(own);
        }
    }

    String tenant(int index) {
        return tenants.get(index);
    }

    int tenantIndex(String tenant) {
        return tenantIndexes.getOrDefault(tenant, -1);
    }

    int tenantCount() {
        return tenants.size();
    }

    List<Config> configs(int tenant) {
        return configs.get(tenant);
    }

    /** @return the canonical recipients a tenant uses on a channel (distinct, valid, normalized) */
    List<String> recipientPool(String tenant, String channel) {
        int t = tenantIndex(tenant);
        String slug = "t" + t;
        List<String> pool = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            pool.add(switch (channel) {
                case "email" -> "ops" + k + "@" + slug + ".example.com";
                case "sms" -> "+3361" + String.format(Locale.ROOT, "%05d", t) + k + "0";
                case "webhook" -> "https://hooks.example.com/" + slug + "/" + k;
                default -> "PD-" + slug.toUpperCase(Locale.ROOT) + "-" + k;
            });
        }
        return pool;
    }

    static String spellSchedule(String canonical, Random random) {
        for (Schedule schedule : SCHEDULES) {
            if (schedule.canonical().equals(canonical)) {
                return pick(schedule.spellings(), random);
            }
        }
        throw new IllegalArgumentException(canonical);
    }

    static JsonNode spellPriority(int priority, Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> IntNode.valueOf(priority);
            case 2 -> TextNode.valueOf("P" + priority);
            case 3 -> TextNode.valueOf(" p" + priority + " ");
            default -> TextNode.valueOf("p" + priority);
        };
    }

    static String spellChannel(String channel, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> " " + Character.toUpperCase(channel.charAt(0)) + channel.substring(1) + " ";
            case 1 -> channel.toUpperCase(Locale.ROOT);
            case 2 -> channel + " ";
            default -> channel;
        };
    }

    static String spellTenant(String tenant, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> " " + tenant;
            case 1 -> tenant + "  ";
            default -> tenant;
        };
    }

    /** @return a legacy spelling that normalizes (rule 10) to {@code canonical} on {@code channel} */
    static String spellRecipient(String channel, String canonical, Random random) {
        int variant = random.nextInt(4);
        return switch (channel) {
            case "email" -> switch (variant) {
                case 0 -> canonical.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(canonical.charAt(0)) + canonical.substring(1);
                case 2 -> " " + canonical + " ";
                default -> canonical;
            };
            case "sms" -> variant == 3 ? canonical : groupDigits(canonical, List.of(" ", "-", ".").get(variant));
            default -> variant == 0 ? "  " + canonical : canonical;
        };
    }

    /** {@code +33612345678} -> {@code +33 61 23 45 67 8} (with the given separator). */
    private static String groupDigits(String phone, String separator) {
        StringBuilder out = new StringBuilder("+");
        String digits = phone.substring(1);
        for (int i = 0; i < digits.length(); i += 2) {
            out.append(i == 0 ? "" : separator).append(digits, i, Math.min(digits.length(), i + 2));
        }
        return out.toString();
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
