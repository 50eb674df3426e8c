package io.tunnelsim.topology;

/**
 * A {@link ProtocolModule}'s key under a scenario variant: its keys, how they are read and checked
 * with marks, and where the key sits among the variant's keys. The variant key is the module's
 * {@linkplain ProtocolModule#nodeKey() node key}; the record it is read into lands in the variant's
 * overrides by that key, and the module finds it there by {@link #type()} (an
 * {@link OverlayRouter#overrides} when it installs on the overlay).
 *
 * <p>Two kinds: {@link VariantOverrides} rewrite the module's configured sections before the
 * network is built ({@code ospf:}, {@code rip:}); a plain {@code VariantKey}, returned by
 * {@link ProtocolModule#variantKey()}, rewrites no section and configures what the module adds to
 * the routing a {@code routing:} choice generates ({@code track:} the timers of the tracks
 * {@code routing: static} generates, {@code bfd:} BFD on the generated static routes or OSPF
 * tunnels, both in {@link ProtocolModule#installOnOverlay}).
 *
 * @param <O> the record the key is read into
 */
public interface VariantKey<O> {

    /**
     * Where a module's key sits among a variant's own keys ({@code name}, {@code routing},
     * {@code topology}, {@code keepalive}): the order of the scenario's JSON Schema and of reading.
     * Within one place, registration order.
     */
    enum Place {
        /** Right after {@code topology} (OSPF and RIP timers). */
        AFTER_TOPOLOGY,
        /** After the {@link #AFTER_TOPOLOGY} keys, before {@code keepalive} (track timers). */
        BEFORE_KEEPALIVE,
        /** After {@code keepalive}, last (BFD). */
        AFTER_KEEPALIVE
    }

    /** The record's type; a variant finds the key's record by it. */
    Class<O> type();

    /**
     * The keys of the mapping, as the variant reader refuses unknown keys by them; also their part
     * of the scenario's JSON Schema (with a boolean beside it when {@link #whenTrue()} is not null).
     */
    Shape.Obj shape();

    /** The description of the module's key in a variant, for the scenario's JSON Schema. */
    String description();

    /**
     * Reads and checks the mapping: problems go to {@code in.context()} with marks. Called only
     * when the value is a mapping of declared keys; returns the record even when an error was
     * reported (the scenario is then refused as a whole).
     */
    O read(VariantSection in);

    /** Where the key sits among the variant's keys; {@link Place#AFTER_TOPOLOGY} unless a module says otherwise. */
    default Place place() {
        return Place.AFTER_TOPOLOGY;
    }

    /**
     * The record a plain {@code true} stands for (BFD: FRR's default timers), or null (the default)
     * when the key takes only a mapping. A key with such a record also takes {@code false} (no
     * record) and is {@code anyOf(boolean, shape())} in the scenario's JSON Schema.
     */
    default O whenTrue() {
        return null;
    }

    /**
     * Checks the record against the variant's routing choice, right after it was read (from a
     * mapping or a {@code true}); {@code in.at()} is the key's value. For a module with a
     * {@linkplain ProtocolModule#routingChoice() routing choice} the reader itself warns when the
     * variant's choice is another protocol's; a module without one says here what its key needs
     * (BFD: {@code routing: static} or {@code ospf}, an error otherwise). Nothing by default.
     */
    default void checkRouting(VariantCheck in, O record) {
    }

    /**
     * Checks the record once the whole scenario is read, after the variant's references, when the
     * variant's topology could be read; {@code in.at()} is the variant (tracks: a warning when the
     * timers time no track). Nothing by default.
     */
    default void checkVariant(VariantCheck in, O record) {
    }
}
