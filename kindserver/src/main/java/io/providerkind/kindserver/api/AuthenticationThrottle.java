package io.providerkind.kindserver.api;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.net.InetAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes password guessing expensive: after {@link Policy#budget()} different wrong passwords in a row from one client
 * address, every password-needing request from it is refused for a while without its password being looked at
 * (a 200 for the right password in between would still let it guess at full speed), and each wrong password
 * after a block doubles the next one. The right password resets the address; other addresses are never
 * affected. Only addresses with failures are remembered, at most {@link Policy#maxAddresses()} of them and
 * each forgotten after {@link Policy#forgetAfter()} without a request, so an attacker with many addresses
 * cannot make kindserver's memory grow; evicting one of them early only gives back what those addresses had.
 * A wrong password sent again is no new guess and does not count against the budget: a client with stale
 * credentials (a ProviderConfig whose Secret is late after a rotation) retries the same one, and must not get
 * its address, shared with correctly configured clients, blocked.
 */
final class AuthenticationThrottle {

    /** What a request's Authorization header amounted to. */
    enum Credential {
        ABSENT,
        RIGHT,
        WRONG
    }

    /** The answer for one request: its credential was checked, or the address is blocked. */
    sealed interface Verdict permits Checked, Throttled {}

    record Checked(Credential credential) implements Verdict {}

    /** @param retryAfter how long the address stays blocked, for the {@code Retry-After} header */
    record Throttled(Duration retryAfter) implements Verdict {

        /** Whole seconds, rounded up: {@code Retry-After} has no fractions, and 0 would invite a retry now. */
        long seconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /**
     * @param budget       wrong passwords in a row an address may send before it is blocked
     * @param firstBlock   the first block; each further wrong password doubles it
     * @param maxBlock     the longest block
     * @param maxAddresses how many failing addresses are remembered
     * @param forgetAfter  an address without requests for this long starts afresh (longer than maxBlock, so that
     *                     no block is forgotten before it ends)
     */
    record Policy(int budget, Duration firstBlock, Duration maxBlock, int maxAddresses, Duration forgetAfter) {

        Policy {
            if (budget < 1 || maxAddresses < 1 || firstBlock.isNegative() || firstBlock.isZero()) {
                throw new IllegalArgumentException("budget, maxAddresses and firstBlock must be positive");
            }
            if (maxBlock.compareTo(firstBlock) < 0 || forgetAfter.compareTo(maxBlock) <= 0) {
                throw new IllegalArgumentException("need firstBlock <= maxBlock < forgetAfter");
            }
        }

        static Policy defaults() {
            return new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 10_000, Duration.ofMinutes(15));
        }

        Duration blockAfter(int failures) {
            int doublings = failures - budget;
            // 2^30 seconds is decades: the cap applies long before the shift overflows
            return doublings >= 30 ? maxBlock : min(firstBlock.multipliedBy(1L << doublings), maxBlock);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    /**
     * An address's different wrong passwords in a row, the end of its current block (EPOCH when none), and
     * keyed digests of its latest wrong passwords (never the passwords) to recognise one sent again.
     */
    private record Failures(int count, Instant blockedUntil, List<String> recentGuesses) {}

    /** Enough to recognise a few stale credentials retried in turn; bounded, so memory per address is too. */
    static final int REMEMBERED_GUESSES = 8;

    private static final Verdict RIGHT = new Checked(Credential.RIGHT);
    private static final Verdict ABSENT = new Checked(Credential.ABSENT);

    static final String FAILURES_METRIC = "kindserver.authentication.failures";
    static final String THROTTLED_METRIC = "kindserver.authentication.throttled";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationThrottle.class);

    private final Clock clock;
    private final Policy policy;
    private final Cache<String, Failures> failing;
    private final Counter failures;
    private final Counter throttled;
    private final GuessDigest digest = new GuessDigest();

    AuthenticationThrottle(Clock clock, MeterRegistry registry, Policy policy) {
        this.clock = clock;
        this.policy = policy;
        this.failing = CacheBuilder.newBuilder()
                .maximumSize(policy.maxAddresses())
                .expireAfterAccess(policy.forgetAfter())
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }
                })
                .build();
        this.failures = Counter.builder(FAILURES_METRIC)
                .description("Requests refused for a wrong password")
                .register(registry);
        this.throttled = Counter.builder(THROTTLED_METRIC)
                .description("Requests refused unchecked because their address sent too many wrong passwords")
                .register(registry);
    }

    /**
     * Checks one request's credential unless its address is blocked. The right password from an address without
     * failures costs no lock: the check reads the address's entry before and after looking at the password, and
     * only a request that finds failures there, or brings a wrong password, settles under the address's lock.
     * Each answer is one the locked check would have given in some order of the requests: a blocked address's
     * password is never looked at, and a right password whose check overlapped the guesses that blocked its
     * address is refused like them, so concurrent guesses cannot slip past the budget.
     *
     * @param presented what the request sent as its credential (only a keyed digest of it is kept, for a wrong one)
     */
    Verdict attempt(String remoteAddress, String presented, Supplier<Credential> check) {
        String client = clientOf(remoteAddress);
        Failures known = failing.getIfPresent(client);
        if (known != null) {
            Instant now = clock.instant();
            if (now.isBefore(known.blockedUntil())) {
                throttled.increment();
                return new Throttled(Duration.between(now, known.blockedUntil()));
            }
        }
        Credential credential = check.get();
        if (credential == Credential.ABSENT) {
            return ABSENT; // no guess was made: nothing to count
        }
        if (credential == Credential.RIGHT && known == null && failing.getIfPresent(client) == null) {
            return RIGHT; // no failure before or during the check: nothing to reset
        }
        return settle(client, credential, credential == Credential.WRONG ? digest.of(presented) : null);
    }

    /** Records a checked credential under the address's lock: a wrong one counts, a right one resets. */
    private Verdict settle(String client, Credential credential, String guess) {
        Instant now = clock.instant();
        Verdict[] verdict = new Verdict[1];
        Failures after = failing.asMap().compute(client, (key, before) -> {
            if (before != null && now.isBefore(before.blockedUntil())) {
                verdict[0] = new Throttled(Duration.between(now, before.blockedUntil()));
                return before;
            }
            verdict[0] = new Checked(credential);
            return credential == Credential.RIGHT ? null : failedAgain(before, guess, now);
        });
        if (verdict[0] instanceof Throttled) {
            throttled.increment();
        } else if (credential == Credential.WRONG) {
            failures.increment();
            // once per run of wrong passwords: the doublings after its first block add nothing worth a line
            if (after != null && after.count() == policy.budget() && now.isBefore(after.blockedUntil())) {
                LOG.warn(
                        "{} wrong passwords in a row from {}; its calls are refused for {} s",
                        after.count(),
                        client,
                        new Throttled(Duration.between(now, after.blockedUntil())).seconds());
            }
        }
        return verdict[0];
    }

    /** How many addresses are remembered now, expired ones not counted. */
    long trackedAddresses() {
        failing.cleanUp();
        return failing.size();
    }

    private Failures failedAgain(Failures before, String guess, Instant now) {
        if (before != null && before.recentGuesses().contains(guess)) {
            return before; // the same wrong password again: nothing new was tried
        }
        int count = before == null ? 1 : before.count() + 1;
        Instant blockedUntil = count >= policy.budget() ? now.plus(policy.blockAfter(count)) : Instant.EPOCH;
        List<String> guesses = new ArrayList<>(before == null ? List.of() : before.recentGuesses());
        guesses.add(guess);
        if (guesses.size() > REMEMBERED_GUESSES) {
            guesses.remove(0);
        }
        return new Failures(count, blockedUntil, List.copyOf(guesses));
    }

    /**
     * One IPv6 host usually holds a whole /64, so an IPv6 client is its /64: otherwise each of its 2^64
     * addresses would get its own budget. An IPv4 address is its own client, taken as written: this runs on every
     * request, and parsing it would only give back the same text.
     */
    static String clientOf(String remoteAddress) {
        String literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1)
                : remoteAddress;
        if (literal.indexOf(':') < 0) {
            return literal; // IPv4 as Jetty writes it (already canonical), or not an address at all
        }
        if (!InetAddresses.isInetAddress(literal)) {
            return literal;
        }
        InetAddress address = InetAddresses.forString(literal);
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }
}
