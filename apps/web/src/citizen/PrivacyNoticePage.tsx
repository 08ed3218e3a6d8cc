import { useT } from '../shared/i18n';
import { usePageTitle } from '../shared/layout';

/** Sent with each registration: the version of the notice the person accepted. Change it with the text. */
// 2026-12: the optional demographics (issue #18), which include sensitive data, were added to §2–4 and §8.
export const PRIVACY_NOTICE_VERSION = '2026-12';

/**
 * Aviso de privacidad integral for citizen validators (Ley General de Protección de Datos Personales
 * en Posesión de Sujetos Obligados). The Spanish text is the one that binds; English is a courtesy.
 */
export function PrivacyNoticePage() {
  const { t, lang } = useT();
  usePageTitle(t('privacy.title'));
  return (
    <article className="prose">
      <h1>{t('privacy.title')}</h1>
      <p className="muted">{t('privacy.version', { version: PRIVACY_NOTICE_VERSION })}</p>
      {lang === 'es' ? <NoticeEs /> : <NoticeEn />}
    </article>
  );
}

function NoticeEs() {
  return (
    <>
      <p className="lead">
        Este aviso explica qué datos personales recabamos cuando usted se registra como persona validadora ciudadana en
        Apertura, para qué los usamos, cuánto tiempo los conservamos y cómo puede ejercer sus derechos. Lo emitimos
        conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados (LGPDPPSO).
      </p>

      <ResponsibleAndDataEs />
      <PurposesEs />
      <TransfersAndRightsEs />
    </>
  );
}

/** §1–2: who is responsible and which data are collected. */
function ResponsibleAndDataEs() {
  return (
    <>
      <h2>1. Responsable</h2>
      <p>
        El responsable del tratamiento es el organismo garante de transparencia que opera esta instancia de Apertura (en
        adelante, «el Responsable»). Su nombre, domicilio y los datos de contacto de su Unidad de Transparencia se
        publican en su portal institucional y en la Plataforma Nacional de Transparencia.
      </p>

      <h2>2. Datos que recabamos</h2>
      <ul>
        <li>
          <strong>Para su cuenta:</strong> correo electrónico y contraseña. La contraseña se guarda únicamente como una
          huella cifrada (hash); nadie puede leerla.
        </li>
        <li>
          <strong>Opcionales:</strong> un nombre o alias, y el municipio donde reside.
        </li>
        <li>
          <strong>Conflictos de interés que usted declare:</strong> las instituciones donde trabaja o con las que tiene
          un interés, para no asignárselas.
        </li>
        <li>
          <strong>Su trabajo de validación:</strong> los dictámenes (confirmado, refutado, no verificable), comentarios,
          enlaces y archivos de evidencia, y los reportes ciudadanos que envíe.
        </li>
        <li>
          <strong>Datos técnicos:</strong> fecha y hora de sus accesos y acciones, y la dirección IP en los registros de
          seguridad.
        </li>
      </ul>
      <p>
        <strong>Datos demográficos opcionales</strong>, solo si usted los da con su consentimiento expreso: rango de
        edad, género, tipo de municipio donde vive, si habla una lengua indígena y si vive con alguna discapacidad (cada
        pregunta admite «prefiero no decir»). Los dos últimos son datos personales sensibles. Se usan únicamente para
        publicar estadísticas de conjunto sobre quiénes validan, sin grupos de menos de 5 personas; se guardan aparte de
        su correo y nombre, y usted puede cambiarlos o borrarlos en su perfil en cualquier momento.
      </p>
      <p>
        Fuera de esos datos opcionales no solicitamos datos sensibles. Le pedimos no incluir datos personales propios ni
        de terceros en comentarios o archivos de evidencia.
      </p>
    </>
  );
}

/** §3–5: what the data are used for, that they are not published, and on what basis. */
function PurposesEs() {
  return (
    <>
      <h2>3. Finalidades</h2>
      <p>Usamos sus datos exclusivamente para:</p>
      <ol>
        <li>crear y administrar su cuenta y confirmar que el correo electrónico es suyo;</li>
        <li>
          asignarle instituciones para validar, equilibrando los municipios y evitando las instituciones con las que
          declaró un conflicto de interés;
        </li>
        <li>
          recibir sus dictámenes y reportes y calcular con ellos, de forma agregada, el índice de apertura de cada
          institución;
        </li>
        <li>comunicarnos con usted sobre su cuenta y sus asignaciones;</li>
        <li>proteger la plataforma y poder auditar los resultados (registros de seguridad y de cambios).</li>
      </ol>
      <p>No usamos sus datos con fines comerciales ni publicitarios, ni para perfilarle políticamente.</p>

      <h2>4. Sus datos no se publican</h2>
      <p>
        Sus datos personales <strong>nunca aparecen en los resultados públicos</strong> ni en las descargas de datos
        abiertos. Publicamos solo cifras agregadas por institución, municipio y estado (por ejemplo, cuántos reportes
        ciudadanos se recibieron). Dentro de la plataforma se le identifica con un seudónimo; solo el personal
        administrador del Responsable puede ver su correo y nombre, y cada consulta queda registrada.
      </p>

      <h2>5. Fundamento</h2>
      <p>
        Tratamos sus datos con su consentimiento, que otorga al registrarse, y con base en las atribuciones del
        Responsable para promover la transparencia y evaluar el cumplimiento de las obligaciones de transparencia, en
        términos de la LGPDPPSO y de la legislación de transparencia aplicable.
      </p>
    </>
  );
}

/** §6–9: transfers, retention, ARCO rights and changes to the notice. */
function TransfersAndRightsEs() {
  return (
    <>
      <h2>6. Transferencias</h2>
      <p>
        No transferimos sus datos personales a terceros, salvo las que sean necesarias para atender requerimientos de
        una autoridad competente debidamente fundados y motivados, en los casos que prevé la LGPDPPSO, los cuales no
        requieren su consentimiento.
      </p>

      <h2>7. Conservación</h2>
      <p>
        Conservamos sus datos mientras su cuenta esté activa y hasta dos años después de la última ronda en la que
        participó, para atender aclaraciones y auditorías de los resultados. Después los suprimimos o los anonimizamos
        de forma irreversible. Los registros de seguridad se conservan hasta doce meses. Las cuentas que no confirmen su
        correo se eliminan a los treinta días.
      </p>

      <h2>8. Derechos ARCO y revocación del consentimiento</h2>
      <p>
        Usted puede <strong>acceder</strong> a sus datos, <strong>rectificarlos</strong>, <strong>cancelarlos</strong> u{' '}
        <strong>oponerse</strong> a su tratamiento (derechos ARCO), solicitar su portabilidad y revocar su
        consentimiento. Puede corregir directamente su nombre y municipio en su perfil de validador.
      </p>
      <p>
        Para lo demás, presente su solicitud ante la Unidad de Transparencia del Responsable, en persona, por correo
        electrónico o mediante la Plataforma Nacional de Transparencia. Indique su nombre, el correo con el que se
        registró, el derecho que desea ejercer y, si lo desea, un medio para recibir notificaciones. Deberá acreditar su
        identidad (o la de su representante) al recibir la respuesta. El trámite es gratuito y la respuesta se emite en
        un plazo máximo de veinte días hábiles, ampliable una sola vez por diez días hábiles cuando esté justificado. Si
        no está de acuerdo con la respuesta, puede interponer un recurso de revisión ante la autoridad garante
        competente.
      </p>

      <h2>9. Cambios a este aviso</h2>
      <p>
        Publicaremos cualquier cambio en esta página, con su nueva versión y fecha. Si un cambio afecta las finalidades
        o las transferencias, le pediremos de nuevo su consentimiento antes de seguir tratando sus datos.
      </p>
    </>
  );
}

function NoticeEn() {
  return (
    <>
      <p className="lead">
        This notice explains which personal data we collect when you register as a citizen validator in Apertura, what
        we use them for, how long we keep them and how you can exercise your rights. It is issued under Mexico’s General
        Law on the Protection of Personal Data Held by Obliged Subjects (LGPDPPSO). The Spanish version is the binding
        one.
      </p>

      <ControllerAndDataEn />
      <PurposesEn />
      <TransfersAndRightsEn />
    </>
  );
}

/** §1–2: who the controller is and which data are collected. */
function ControllerAndDataEn() {
  return (
    <>
      <h2>1. Controller</h2>
      <p>
        The controller is the transparency guarantor body that operates this Apertura instance (“the Controller”). Its
        name, address and the contact details of its Transparency Unit are published on its website and on the National
        Transparency Platform.
      </p>

      <h2>2. Data we collect</h2>
      <ul>
        <li>
          <strong>For your account:</strong> e-mail address and password. The password is stored only as a one-way hash;
          nobody can read it.
        </li>
        <li>
          <strong>Optional:</strong> a name or alias, and the municipality where you live.
        </li>
        <li>
          <strong>Conflicts of interest you declare:</strong> institutions you work for or have an interest in, so they
          are never assigned to you.
        </li>
        <li>
          <strong>Your validation work:</strong> verdicts (confirmed, refuted, unverifiable), comments, evidence links
          and files, and the citizen reports you submit.
        </li>
        <li>
          <strong>Technical data:</strong> dates and times of your access and actions, and your IP address in security
          logs.
        </li>
      </ul>
      <p>
        <strong>Optional demographics</strong>, only if you give them with your express consent: age band, gender, type
        of municipality where you live, whether you speak an indigenous language and whether you live with a disability
        (every question accepts “prefer not to say”). The last two are sensitive personal data. They are used only to
        publish aggregate statistics on who validates, with no group of fewer than 5 people; they are kept apart from
        your e-mail and name, and you can change or delete them in your profile at any time.
      </p>
      <p>
        Apart from those optional data we do not ask for sensitive data. Please do not include your own or other
        people’s personal data in comments or evidence files.
      </p>
    </>
  );
}

/** §3–5: what the data are used for, that they are not published, and on what basis. */
function PurposesEn() {
  return (
    <>
      <h2>3. Purposes</h2>
      <p>We use your data only to:</p>
      <ol>
        <li>create and manage your account and confirm that the e-mail address is yours;</li>
        <li>
          assign institutions for you to validate, balancing municipalities and avoiding those you declared a conflict
          of interest with;
        </li>
        <li>
          receive your verdicts and reports and compute with them, in aggregate, each institution’s openness index;
        </li>
        <li>contact you about your account and assignments;</li>
        <li>protect the platform and make the results auditable (security and change logs).</li>
      </ol>
      <p>We never use your data for commercial or advertising purposes, nor to build political profiles.</p>

      <h2>4. Your data are not published</h2>
      <p>
        Your personal data <strong>never appear in public results</strong> or open-data downloads. We publish only
        aggregate figures by institution, municipality and state (for example, how many citizen reports were received).
        Inside the platform you are identified by a pseudonym; only the Controller’s administrators can see your e-mail
        and name, and every such access is logged.
      </p>

      <h2>5. Legal basis</h2>
      <p>
        We process your data with the consent you give when registering, and under the Controller’s powers to promote
        transparency and evaluate compliance with transparency obligations, as provided by the LGPDPPSO and the
        applicable transparency legislation.
      </p>
    </>
  );
}

/** §6–9: transfers, retention, ARCO rights and changes to the notice. */
function TransfersAndRightsEn() {
  return (
    <>
      <h2>6. Transfers</h2>
      <p>
        We do not transfer your personal data to third parties, except when required by a competent authority through a
        duly grounded request, in the cases the LGPDPPSO provides, which do not require your consent.
      </p>

      <h2>7. Retention</h2>
      <p>
        We keep your data while your account is active and for up to two years after the last round you took part in, to
        answer queries and audits of the results. After that we delete them or anonymise them irreversibly. Security
        logs are kept for up to twelve months. Accounts whose e-mail is never confirmed are deleted after thirty days.
      </p>

      <h2>8. ARCO rights and withdrawal of consent</h2>
      <p>
        You may <strong>access</strong>, <strong>rectify</strong> and <strong>cancel</strong> your data or{' '}
        <strong>object</strong> to their processing (ARCO rights), ask for portability and withdraw your consent. You
        can correct your name and municipality yourself in your validator profile.
      </p>
      <p>
        For anything else, file a request with the Controller’s Transparency Unit, in person, by e-mail or through the
        National Transparency Platform. State your name, the e-mail you registered with, the right you want to exercise
        and, optionally, how you want to be notified. You will need to prove your identity (or your representative’s)
        when you receive the answer. The procedure is free of charge and is answered within twenty working days,
        extendable once by ten working days when justified. If you disagree with the answer you may file an appeal
        (recurso de revisión) with the competent guarantor authority.
      </p>

      <h2>9. Changes to this notice</h2>
      <p>
        Any change will be published on this page with its new version and date. If a change affects the purposes or
        transfers, we will ask for your consent again before continuing to process your data.
      </p>
    </>
  );
}
