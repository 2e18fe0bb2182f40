# A JDK image that only runs a JAR builds nothing (a JRE would be smaller: that is DF315's business).
FROM eclipse-temurin:21-jdk
COPY app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
