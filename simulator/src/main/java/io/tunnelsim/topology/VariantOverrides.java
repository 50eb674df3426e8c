package io.tunnelsim.topology;

/**
 * The keys a {@link ProtocolModule} owns under a scenario variant (for OSPF the variant's
 * {@code ospf: {hello, dead, spf, hello-multiplier}}), how they are read with marks, and how
 * they rewrite the module's section: a pure section → section step, applied to every node
 * that configures the section before the network is built. The variant key is the module's
 * {@linkplain ProtocolModule#nodeKey() node key}; a module without overrides returns null
 * from {@link ProtocolModule#variantOverrides()}. The reading side ({@code type}, {@code shape},
 * {@code description}, {@code read}, the key's place and checks) is the {@link VariantKey} it extends.
 *
 * @param <S> the module's section record
 * @param <O> the record the overrides are read into
 */
public interface VariantOverrides<S, O> extends VariantKey<O> {

    /** The override record's type; a variant finds its overrides by it. */
    @Override
    Class<O> type();

    /**
     * The override keys, as the variant reader refuses unknown keys by them; also their part
     * of the scenario's JSON Schema, where its description names the mapping.
     */
    @Override
    Shape.Obj shape();

    /** The description of the module's key in a variant, for the scenario's JSON Schema. */
    @Override
    String description();

    /**
     * Reads and checks the overrides: problems go to {@code in.context()} with marks. Called
     * only when the value is a mapping of declared keys; returns the record even when an error
     * was reported (the scenario is then refused as a whole).
     */
    @Override
    O read(VariantSection in);

    /** {@code section} with {@code overrides} applied; the section itself when nothing changes. */
    S apply(S section, O overrides);
}
