/**
 * Measured performance pieces: each replaces a default of Spring for GraphQL or graphql-java because a benchmark
 * showed the default costing throughput, and each class comment names its measurement (BENCHMARKS.md, "Tuning").
 * None changes what a client sees. After an upgrade of Spring for GraphQL, graphql-java or Jackson, re-measure
 * each against the default before keeping it. GraphQlExecution wires them in.
 */
package io.tandem.graphql.tuning;
