package org.allegationatlas;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live schema keeps every name of the contract (src/test/resources/contract/schema.graphql,
 * a copy of shared/design/schema.graphql): types, fields, arguments, their types and defaults,
 * enum values. Additions are allowed; what is not built yet is listed with its reason.
 */
@QuarkusTest
class ContractSchemaTest {

    /** Contract elements not served yet, each with the reason. */
    private static final Map<String, String> NOT_YET = Map.of();

    @Test
    void liveSchemaKeepsEveryNameOfTheContract() throws IOException {
        TypeDefinitionRegistry contract = parse(resource("/contract/schema.graphql"));
        String liveSdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        TypeDefinitionRegistry live = parse(liveSdl);

        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> wanted : contract.types().values()) {
            String name = wanted.getName();
            if (NOT_YET.containsKey(name)) {
                continue;
            }
            TypeDefinition<?> served = live.getType(name).orElse(null);
            if (served == null) {
                problems.add("type " + name + " is missing");
            } else if (served.getClass() != wanted.getClass()) {
                problems.add(name + " is a " + served.getClass().getSimpleName() + ", not a " + wanted.getClass().getSimpleName());
            } else if (wanted instanceof ObjectTypeDefinition object) {
                compareFields(name, object.getFieldDefinitions(), ((ObjectTypeDefinition) served).getFieldDefinitions(), problems);
                compareFields(name, extensionFields(contract, name), allFields(live, name), problems);
            } else if (wanted instanceof InputObjectTypeDefinition input) {
                compareInputs(name, input.getInputValueDefinitions(),
                        ((InputObjectTypeDefinition) served).getInputValueDefinitions(), problems);
            } else if (wanted instanceof EnumTypeDefinition enumType) {
                Set<String> servedValues = ((EnumTypeDefinition) served).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).collect(Collectors.toSet());
                enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                        .filter(v -> !servedValues.contains(v)).forEach(v -> problems.add(name + "." + v + " is missing"));
            }
        }
        for (String scalar : contract.scalars().keySet()) {
            if (!live.scalars().containsKey(scalar)) {
                problems.add("scalar " + scalar + " is missing");
            }
        }
        assertEquals(List.of(), problems, "live schema differs from the contract");
    }

    @Test
    void graphiqlIsServed() {
        String page = given().get("/q/graphql-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.toLowerCase().contains("graphiql"), "GraphiQL page expected at /q/graphql-ui/");
    }

    private static void compareFields(String type, List<FieldDefinition> wanted, List<FieldDefinition> served,
            List<String> problems) {
        for (FieldDefinition field : wanted) {
            String path = type + "." + field.getName();
            if (NOT_YET.containsKey(path)) {
                continue;
            }
            FieldDefinition match = served.stream().filter(f -> f.getName().equals(field.getName())).findFirst().orElse(null);
            if (match == null) {
                problems.add(path + " is missing");
                continue;
            }
            String wantedType = AstPrinter.printAst(field.getType());
            String servedType = AstPrinter.printAst(match.getType());
            if (!wantedType.equals(servedType)) {
                problems.add(path + " is " + servedType + ", the contract says " + wantedType);
            }
            compareInputs(path, field.getInputValueDefinitions(), match.getInputValueDefinitions(), problems);
        }
    }

    private static void compareInputs(String owner, List<InputValueDefinition> wanted, List<InputValueDefinition> served,
            List<String> problems) {
        for (InputValueDefinition value : wanted) {
            String path = owner + "(" + value.getName() + ")";
            InputValueDefinition match = served.stream().filter(v -> v.getName().equals(value.getName())).findFirst()
                    .orElse(null);
            if (match == null) {
                problems.add(path + " is missing");
                continue;
            }
            String wantedType = AstPrinter.printAst(value.getType());
            String servedType = AstPrinter.printAst(match.getType());
            if (!wantedType.equals(servedType)) {
                problems.add(path + " is " + servedType + ", the contract says " + wantedType);
            }
            String wantedDefault = value.getDefaultValue() == null ? null : AstPrinter.printAst(value.getDefaultValue());
            String servedDefault = match.getDefaultValue() == null ? null : AstPrinter.printAst(match.getDefaultValue());
            if (wantedDefault != null && !wantedDefault.equals(servedDefault)) {
                problems.add(path + " defaults to " + servedDefault + ", the contract says " + wantedDefault);
            }
        }
        for (InputValueDefinition extra : served) {
            boolean inContract = wanted.stream().anyMatch(v -> v.getName().equals(extra.getName()));
            if (!inContract && extra.getType() instanceof graphql.language.NonNullType && extra.getDefaultValue() == null) {
                problems.add(owner + "(" + extra.getName() + ") is a new required argument: old clients would break");
            }
        }
    }

    private static List<FieldDefinition> extensionFields(TypeDefinitionRegistry registry, String type) {
        return registry.objectTypeExtensions().getOrDefault(type, List.of()).stream()
                .flatMap(e -> e.getFieldDefinitions().stream()).toList();
    }

    private static List<FieldDefinition> allFields(TypeDefinitionRegistry registry, String type) {
        List<FieldDefinition> fields = new ArrayList<>();
        registry.getType(type, ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
        fields.addAll(extensionFields(registry, type));
        return fields;
    }

    private static TypeDefinitionRegistry parse(String sdl) {
        return new SchemaParser().parse(sdl);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ContractSchemaTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
