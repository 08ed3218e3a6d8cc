import { dict } from './dict';

/** Who the validators are (issue #18 item 3): optional, consented demographics and the round's aggregate profile. */
export const demographicsDict = dict(
  {
    'demog.title': 'Quiénes validan (opcional)',
    'demog.purpose':
      'Estas preguntas son opcionales. Sirven solo para publicar estadísticas de conjunto sobre quiénes validan en cada ronda (por ejemplo, cuántas mujeres o cuántas personas de municipios rurales), para saber si la validación ciudadana representa a la población. Nunca se muestran ni se exportan sus respuestas individuales; los grupos de menos de 5 personas no se publican. Se guardan aparte de su correo y su nombre, y puede cambiarlas o borrarlas cuando quiera.',
    'demog.consent': 'Acepto que mis respuestas se usen solo para esas estadísticas de conjunto.',
    'demog.consentRequired': 'Para guardar sus respuestas marque la casilla de consentimiento.',
    'demog.save': 'Guardar mis respuestas',
    'demog.saved': 'Respuestas guardadas. Puede cambiarlas o borrarlas en su perfil.',
    'demog.given': 'Dio su consentimiento el {date}.',
    'demog.notGiven': 'No ha respondido estas preguntas.',
    'demog.withdraw': 'Retirar consentimiento y borrar mis respuestas',
    'demog.withdrawTitle': '¿Borrar sus respuestas?',
    'demog.withdrawBody': 'Sus respuestas se borran de inmediato y dejan de contar en las estadísticas.',
    'demog.withdrawn': 'Sus respuestas se borraron.',
    'demog.skip': 'Ahora no',
    'demog.q.ageBand': 'Edad',
    'demog.q.gender': 'Género',
    'demog.q.municipalityType': 'Tipo de municipio donde vive',
    'demog.q.municipalityTypeHint': 'Según la población total del municipio (Censo 2020).',
    'demog.q.indigenousLanguage': '¿Habla alguna lengua indígena?',
    'demog.q.disability': '¿Vive con alguna discapacidad?',
    'demog.choose': 'Elija una opción',
    'demog.a.prefer_not_to_say': 'Prefiero no decir',
    'demog.a.18_29': '18 a 29 años',
    'demog.a.30_44': '30 a 44 años',
    'demog.a.45_59': '45 a 59 años',
    'demog.a.60_plus': '60 años o más',
    'demog.a.woman': 'Mujer',
    'demog.a.man': 'Hombre',
    'demog.a.non_binary': 'No binario',
    'demog.a.other': 'Otro',
    'demog.a.rural': 'Rural o semiurbano (menos de 15 mil habitantes)',
    'demog.a.small_city': 'Ciudad pequeña (15 mil a 99 mil habitantes)',
    'demog.a.city': 'Ciudad (100 mil a 499 mil habitantes)',
    'demog.a.metropolis': 'Ciudad grande (500 mil habitantes o más)',
    'demog.a.yes': 'Sí',
    'demog.a.no': 'No',
    'demog.profileTitle': 'Perfil de quienes validaron',
    'demog.profileIntro':
      '{respondents} de las {validators} personas que validaron en esta ronda respondieron las preguntas opcionales. Los grupos de menos de {k} personas se muestran como «<{k}», junto con otro grupo cuando hace falta para que no se puedan deducir de los totales.',
    'demog.profileTooFew':
      'Menos de {k} personas respondieron las preguntas opcionales: no se publica el desglose para no identificar a nadie.',
    'demog.profileRoundOpen':
      'El desglose se publica cuando cierra la ronda: mientras se suman personas, comparar dos lecturas podría revelar las respuestas de una de ellas.',
    'demog.category': 'Categoría',
    'demog.count': 'Personas',
    'demog.share': 'Proporción',
    'demog.population': 'Población',
    'demog.populationNote': 'Población: {definition} Fuente: {source}',
    'demog.rw.title': 'Prueba de sensibilidad: valores re-ponderados a la población',
    'demog.rw.intro':
      'Solo es una comprobación: el valor publicado de la ronda no cambia y es el que cuenta. Aquí se recalcula dando a cada persona validadora un peso según el tipo de municipio donde vive, para que cada tipo pese como en la población del Censo 2020.',
    'demog.rw.main': 'Valor publicado (intervalo de 95 %)',
    'demog.rw.reweighted': 'Re-ponderado (solo comprobación)',
    'demog.rw.difference': 'Diferencia',
    'demog.rw.within':
      'La diferencia ({difference}) es menor que la incertidumbre del valor publicado (±{halfWidth}): re-ponderar por tipo de municipio no cambia lo que el valor dice.',
    'demog.rw.outside':
      'La diferencia ({difference}) es mayor que la incertidumbre del valor publicado (±{halfWidth}): el valor depende de en qué tipo de municipio viven quienes validaron; léalo con esa reserva.',
    'demog.rw.noInterval': 'El valor publicado no tiene intervalo con el cual comparar la diferencia.',
    'demog.rw.merged': 'Tipos de municipio agrupados porque uno tenía menos de {k} personas: {groups}.',
    'demog.rw.how':
      'Peso de quien declaró su tipo de municipio = proporción de la población en ese tipo ÷ proporción de quienes validaron en ese tipo; quien no lo declaró pesa 1, y el grupo que sí lo declaró conserva su peso total. Cada índice de institución promedia a sus personas validadoras con esos pesos; el valor de la ronda es el promedio simple de las instituciones, como el publicado. Corrige solo este rasgo: quienes validan siguen siendo voluntarios.',
    'demog.rw.withheld.round_open':
      'Se muestra cuando cierra la ronda: mientras se suman personas, comparar dos lecturas podría revelar las respuestas de una de ellas.',
    'demog.rw.withheld.no_results': 'Aún no hay valores ciudadanos calculados para esta ronda.',
    'demog.rw.withheld.results_updating':
      'Los resultados se están actualizando (o se calcularon antes de que existiera esta comprobación): aparecerá tras el próximo recálculo de la ronda.',
    'demog.rw.withheld.too_few_declared':
      'Menos de {k} personas validadoras declararon su tipo de municipio: no hay base para re-ponderar.',
    'demog.rw.withheld.cell_too_small':
      'Algún tipo de municipio con población tiene menos de {k} personas validadoras, aun agrupado con su vecino: re-ponderar dependería de muy pocas personas.',
    'demog.rw.withheld.cell_without_population':
      'Hay personas validadoras en un tipo de municipio sin población en el catálogo: no se puede re-ponderar.',
  },
  {
    'demog.title': 'Who validates (optional)',
    'demog.purpose':
      'These questions are optional. They are used only to publish aggregate statistics on who validates in each round (for example, how many women or how many people from rural municipalities), to know whether citizen validation represents the population. Your individual answers are never shown or exported; groups of fewer than 5 people are not published. They are kept apart from your e-mail and name, and you can change or delete them at any time.',
    'demog.consent': 'I agree that my answers are used only for those aggregate statistics.',
    'demog.consentRequired': 'To save your answers, tick the consent box.',
    'demog.save': 'Save my answers',
    'demog.saved': 'Answers saved. You can change or delete them in your profile.',
    'demog.given': 'You consented on {date}.',
    'demog.notGiven': 'You have not answered these questions.',
    'demog.withdraw': 'Withdraw consent and delete my answers',
    'demog.withdrawTitle': 'Delete your answers?',
    'demog.withdrawBody': 'Your answers are deleted at once and no longer count in the statistics.',
    'demog.withdrawn': 'Your answers were deleted.',
    'demog.skip': 'Not now',
    'demog.q.ageBand': 'Age',
    'demog.q.gender': 'Gender',
    'demog.q.municipalityType': 'Type of municipality where you live',
    'demog.q.municipalityTypeHint': "By the municipality's total population (2020 Census).",
    'demog.q.indigenousLanguage': 'Do you speak an indigenous language?',
    'demog.q.disability': 'Do you live with a disability?',
    'demog.choose': 'Choose an option',
    'demog.a.prefer_not_to_say': 'Prefer not to say',
    'demog.a.18_29': '18 to 29 years',
    'demog.a.30_44': '30 to 44 years',
    'demog.a.45_59': '45 to 59 years',
    'demog.a.60_plus': '60 years or more',
    'demog.a.woman': 'Woman',
    'demog.a.man': 'Man',
    'demog.a.non_binary': 'Non-binary',
    'demog.a.other': 'Other',
    'demog.a.rural': 'Rural or semi-urban (under 15,000 inhabitants)',
    'demog.a.small_city': 'Small town (15,000 to 99,999 inhabitants)',
    'demog.a.city': 'City (100,000 to 499,999 inhabitants)',
    'demog.a.metropolis': 'Large city (500,000 inhabitants or more)',
    'demog.a.yes': 'Yes',
    'demog.a.no': 'No',
    'demog.profileTitle': 'Profile of the validators',
    'demog.profileIntro':
      '{respondents} of the {validators} people who validated in this round answered the optional questions. Groups of fewer than {k} people are shown as "<{k}", together with another group where needed so they cannot be worked out from the totals.',
    'demog.profileTooFew':
      'Fewer than {k} people answered the optional questions: no breakdown is published, so that no one can be identified.',
    'demog.profileRoundOpen':
      'The breakdown is shown once the round has closed: while people are still joining, comparing two readings could reveal one person’s answers.',
    'demog.category': 'Category',
    'demog.count': 'People',
    'demog.share': 'Share',
    'demog.population': 'Population',
    'demog.populationNote': 'Population: {definition} Source: {source}',
    'demog.rw.title': 'Sensitivity check: values re-weighted to the population',
    'demog.rw.intro':
      "Only a check: the round's published value does not change and is the one that counts. Here it is recomputed giving each validator a weight by the type of municipality they live in, so that each type weighs as it does in the 2020 Census population.",
    'demog.rw.main': 'Published value (95% interval)',
    'demog.rw.reweighted': 'Re-weighted (check only)',
    'demog.rw.difference': 'Difference',
    'demog.rw.within':
      "The difference ({difference}) is smaller than the published value's uncertainty (±{halfWidth}): re-weighting by municipality type does not change what the value says.",
    'demog.rw.outside':
      "The difference ({difference}) is larger than the published value's uncertainty (±{halfWidth}): the value depends on which types of municipality the validators live in; read it with that caveat.",
    'demog.rw.noInterval': 'The published value has no interval to compare the difference with.',
    'demog.rw.merged': 'Municipality types merged because one had fewer than {k} people: {groups}.',
    'demog.rw.how':
      "Weight of someone who declared their municipality type = population share of that type ÷ validators' share of that type; someone who did not declare it weighs 1, and the declared group keeps its total weight. Each institution's index averages its validators with these weights; the round value is the plain mean over institutions, like the published one. It corrects this trait only: validators are still volunteers.",
    'demog.rw.withheld.round_open':
      'Shown once the round has closed: while people are still joining, comparing two readings could reveal one person’s answers.',
    'demog.rw.withheld.no_results': 'No citizen values have been computed for this round yet.',
    'demog.rw.withheld.results_updating':
      "The results are being updated (or were computed before this check existed): it will appear after the round's next recomputation.",
    'demog.rw.withheld.too_few_declared':
      'Fewer than {k} validators declared their municipality type: there is no basis for re-weighting.',
    'demog.rw.withheld.cell_too_small':
      'A populated municipality type has fewer than {k} validators, even merged with its neighbour: re-weighting would rest on too few people.',
    'demog.rw.withheld.cell_without_population':
      'Some validators live in a municipality type without population in the catalogue: re-weighting is not possible.',
  },
);
