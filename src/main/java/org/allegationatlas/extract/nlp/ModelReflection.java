package org.allegationatlas.extract.nlp;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The classes OpenNLP creates by name while it reads a model, registered so that a native image has their
 * constructors: the tool factories (a model's manifest names one, or the model type's default is used),
 * the Indonesian name finder's sequence codec, the feature generators that the models' {@code generator.featuregen}
 * XML names, and the string interner chosen by a system property. Without them the binary cannot read
 * any model ("NoSuchMethodException: opennlp.tools.postag.POSTaggerFactory.&lt;init&gt;()").
 * The JDK's default XML parsers read the XML parts (feature generators, the English tag dictionary).
 */
@RegisterForReflection(classNames = {
        "opennlp.tools.postag.POSTaggerFactory",
        "opennlp.tools.namefind.TokenNameFinderFactory",
        "opennlp.tools.namefind.BioCodec",
        "opennlp.tools.namefind.BilouCodec",
        "opennlp.tools.util.jvm.CHMStringInterner",
        "opennlp.tools.util.featuregen.AggregatedFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.CachedFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.CharacterNgramFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.DefinitionFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.DocumentBeginFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.PosTaggerFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.PrefixFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.SentenceFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.SuffixFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TokenPatternFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TrigramNameFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory",
        "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
        "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
})
final class ModelReflection {

    private ModelReflection() {
    }
}
